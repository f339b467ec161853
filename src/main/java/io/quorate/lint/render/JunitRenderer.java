package io.quorate.lint.render;

import io.quorate.diag.Severity;
import io.quorate.lint.CheckInfo;
import io.quorate.lint.Finding;
import io.quorate.lint.LintRenderer;
import io.quorate.lint.LintReport;
import io.quorate.lint.ResilienceFigure;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The lint report as JUnit XML, for CI systems that show test reports: one test case per check and
 * account, failing when the check found an unsuppressed error or warning there. Info findings and
 * suppressed ones leave the case passing and are listed in its output.
 */
public final class JunitRenderer implements LintRenderer {

    /** The test case name for findings that concern the policy set rather than one account. */
    static final String POLICY_SET = "policy set";

    @Override
    public String render(LintReport report) {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element suites = doc.createElement("testsuites");
            doc.appendChild(suites);
            Element suite = doc.createElement("testsuite");
            suites.appendChild(suite);

            List<String> accounts = accounts(report);
            int tests = 0;
            int failures = 0;
            for (CheckInfo check : Rendering.checks(report)) {
                for (String account : accountsFor(check, accounts, report)) {
                    List<Finding> found = report.findings().stream()
                            .filter(f -> check.id().equals(f.id()) && account.equals(accountOf(f)))
                            .sorted(Rendering.BY_LOCATION)
                            .toList();
                    tests++;
                    if (testcase(doc, suite, check, account, found)) failures++;
                }
            }
            for (Element e : List.of(suites, suite)) {
                e.setAttribute("tests", Integer.toString(tests));
                e.setAttribute("failures", Integer.toString(failures));
                e.setAttribute("errors", "0");
                e.setAttribute("skipped", "0");
                e.setAttribute("time", "0");
            }
            suites.setAttribute("name", "quorate");
            suite.setAttribute("name", "quorate lint");
            if (report.policyRevision() != null) {
                Element props = doc.createElement("properties");
                Element revision = doc.createElement("property");
                revision.setAttribute("name", "policy_revision");
                revision.setAttribute("value", xml(report.policyRevision()));
                props.appendChild(revision);
                suite.insertBefore(props, suite.getFirstChild());
            }
            return serialize(doc);
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("the JDK's XML support failed", e);
        }
    }

    /** Appends one test case; true when it fails. */
    private static boolean testcase(Document doc, Element suite, CheckInfo check, String account, List<Finding> found) {
        Element tc = doc.createElement("testcase");
        tc.setAttribute("classname", xml("quorate." + check.id()));
        tc.setAttribute("name", xml(POLICY_SET.equals(account) ? POLICY_SET : "account `" + account + "`"));
        tc.setAttribute("time", "0");
        String file = found.stream().map(Rendering::file).filter(Objects::nonNull).findFirst().orElse(null);
        if (file != null) tc.setAttribute("file", xml(file));
        suite.appendChild(tc);

        List<Finding> failing = found.stream().filter(f -> !f.suppressed() && f.severity() != Severity.INFO).toList();
        if (!failing.isEmpty()) {
            Finding first = failing.get(0);
            Severity worst = failing.stream().map(Finding::severity).min(Comparator.naturalOrder()).orElseThrow();
            Element failure = doc.createElement("failure");
            failure.setAttribute("message", xml(Rendering.contextMessage(first)));
            failure.setAttribute("type", worst.label());
            failure.setTextContent(xml(failing.stream().map(JunitRenderer::describe).collect(Collectors.joining("\n"))));
            tc.appendChild(failure);
        }
        List<Finding> other = found.stream().filter(f -> !failing.contains(f)).toList();
        if (!other.isEmpty()) {
            Element out = doc.createElement("system-out");
            out.setTextContent(xml(other.stream().map(JunitRenderer::describe).collect(Collectors.joining("\n"))));
            tc.appendChild(out);
        }
        return !failing.isEmpty();
    }

    /** {@code file:line:column: severity[id]: account `x`: message}, help and suppression on the lines below. */
    private static String describe(Finding f) {
        StringBuilder s = new StringBuilder()
                .append(Rendering.where(f)).append(": ").append(f.severity().label())
                .append('[').append(f.id()).append("]: ").append(Rendering.contextMessage(f));
        if (f.help() != null && !f.help().isBlank()) s.append("\n  help: ").append(f.help());
        if (f.suppressed()) s.append("\n  suppressed: ").append(Objects.toString(f.suppressionReason(), "no reason given"));
        return s.toString();
    }

    /** Every account the report mentions, in findings or figures, sorted. */
    private static List<String> accounts(LintReport report) {
        TreeSet<String> named = new TreeSet<>();
        report.findings().stream().map(Finding::account).filter(Objects::nonNull).forEach(named::add);
        report.figures().stream().map(ResilienceFigure::account).filter(Objects::nonNull).forEach(named::add);
        return new ArrayList<>(named);
    }

    /**
     * The accounts a check is tested on: every account, and the policy set as a whole when the check
     * found something there that names no account (or when the report names no account at all).
     */
    private static List<String> accountsFor(CheckInfo check, List<String> accounts, LintReport report) {
        boolean policySet = accounts.isEmpty()
                || report.findings().stream().anyMatch(f -> f.account() == null && check.id().equals(f.id()));
        if (!policySet) return accounts;
        List<String> all = new ArrayList<>();
        all.add(POLICY_SET);
        all.addAll(accounts);
        return all;
    }

    private static String accountOf(Finding f) {
        return f.account() == null ? POLICY_SET : f.account();
    }

    /** Drops the characters XML 1.0 cannot carry at all (escaping is the serializer's job). */
    static String xml(String s) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(JunitRenderer::allowedInXml).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean allowedInXml(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private static String serialize(Document doc) throws TransformerException {
        var transformer = TransformerFactory.newInstance().newTransformer();
        // the JDK's serializer puts the root element on the declaration's line; write the declaration here
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        transformer.setOutputProperty(OutputKeys.INDENT, "yes");
        transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
        StringWriter w = new StringWriter();
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        transformer.transform(new DOMSource(doc), new StreamResult(w));
        return w.toString().endsWith("\n") ? w.toString() : w + "\n";
    }
}
