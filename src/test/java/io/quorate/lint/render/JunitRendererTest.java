package io.quorate.lint.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.lint.LintReport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitRendererTest {

    /** Parsing is the well-formedness check: the parser throws on anything that is not XML. */
    static Document parse(LintReport report) throws Exception {
        String xml = new JunitRenderer().render(report);
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> elements(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) list.add((Element) nodes.item(i));
        return list;
    }

    static Element testcase(Document doc, String check, String name) {
        return elements(doc, "testcase").stream()
                .filter(e -> e.getAttribute("classname").equals("quorate." + check) && e.getAttribute("name").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no test case " + check + " / " + name));
    }

    @Test
    void the_report_is_one_suite_named_quorate_lint() throws Exception {
        Document doc = parse(Reports.sample());
        assertEquals("testsuites", doc.getDocumentElement().getTagName());
        List<Element> suites = elements(doc, "testsuite");
        assertEquals(1, suites.size());
        assertEquals("quorate lint", suites.get(0).getAttribute("name"));
    }

    @Test
    void there_is_one_test_case_per_check_and_account() throws Exception {
        Document doc = parse(Reports.sample());
        // four checks times treasury and vault, and key-reuse once more for the policy set its finding concerns
        assertEquals(9, elements(doc, "testcase").size());
        assertEquals("9", elements(doc, "testsuite").get(0).getAttribute("tests"));
        assertEquals("2", elements(doc, "testsuite").get(0).getAttribute("failures"));
    }

    @Test
    void a_failing_test_case_carries_the_message_severity_and_location() throws Exception {
        Element tc = testcase(parse(Reports.sample()), "single-key-authority", "account `treasury`");
        List<Element> failures = new ArrayList<>();
        NodeList nodes = tc.getElementsByTagName("failure");
        for (int i = 0; i < nodes.getLength(); i++) failures.add((Element) nodes.item(i));
        assertEquals(1, failures.size());
        Element failure = failures.get(0);
        assertEquals("account `treasury`: authority `active`: key `k2` alone satisfies threshold 1", failure.getAttribute("message"));
        assertEquals("error", failure.getAttribute("type"));
        assertTrue(failure.getTextContent().startsWith("policies/treasury.yaml:7:7: error[single-key-authority]"), failure.getTextContent());
        assertTrue(failure.getTextContent().contains("help: raise the threshold"));
    }

    @Test
    void suppressed_and_info_findings_leave_the_test_case_passing() throws Exception {
        Document doc = parse(Reports.sample());
        Element suppressed = testcase(doc, "weak-owner", "account `treasury`");
        assertEquals(0, suppressed.getElementsByTagName("failure").getLength());
        assertTrue(suppressed.getElementsByTagName("system-out").item(0).getTextContent()
                .contains("suppressed: the owner key is in a vault, reviewed 2026-01"));
        Element info = testcase(doc, "key-reuse", "policy set");
        assertEquals(0, info.getElementsByTagName("failure").getLength());
        assertEquals(0, testcase(doc, "unreachable-threshold", "account `treasury`").getElementsByTagName("failure").getLength());
    }

    @Test
    void markup_and_control_characters_in_messages_stay_well_formed() throws Exception {
        String nasty = "a <b> & \"c\" 'd' ]]> \u0001\u0007 e";
        Document doc = parse(Reports.of(Reports.warningAt("policies/<odd>&.yaml", nasty)));
        Element failure = (Element) testcase(doc, "weak-owner", "account `vault`").getElementsByTagName("failure").item(0);
        assertEquals("account `vault`: authority `owner`: a <b> & \"c\" 'd' ]]>  e", failure.getAttribute("message"));
        assertTrue(failure.getTextContent().startsWith("policies/<odd>&.yaml:3:4: warning[weak-owner]"));
    }

    @Test
    void a_check_that_found_nothing_without_an_account_is_not_tested_on_the_policy_set() throws Exception {
        Document doc = parse(Reports.sample());
        assertTrue(elements(doc, "testcase").stream()
                .noneMatch(e -> e.getAttribute("name").equals("policy set") && !e.getAttribute("classname").equals("quorate.key-reuse")));
    }

    @Test
    void a_report_without_findings_passes_every_check_on_the_policy_set() throws Exception {
        Document doc = parse(Reports.empty());
        assertEquals(4, elements(doc, "testcase").size());
        assertEquals("policy set", elements(doc, "testcase").get(0).getAttribute("name"));
        assertEquals("0", doc.getDocumentElement().getAttribute("failures"));
    }
}
