package io.quorate.testing;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The report as JUnit XML, for CI systems that show test reports: one test suite per test file,
 * one test case per case run (rows and subsets each their own), a failure carrying the field diff.
 * Problems that kept a file from loading are one failing case each, in a suite of their own.
 */
public final class TestJunit {

    private TestJunit() {
    }

    public static String render(TestReport report) {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element suites = doc.createElement("testsuites");
            doc.appendChild(suites);
            Map<String, List<CaseResult>> byFile = new LinkedHashMap<>();
            for (CaseResult r : report.results()) byFile.computeIfAbsent(r.file(), f -> new ArrayList<>()).add(r);
            for (Map.Entry<String, List<CaseResult>> e : byFile.entrySet()) {
                Element suite = doc.createElement("testsuite");
                suites.appendChild(suite);
                suite.setAttribute("name", e.getKey());
                int failures = 0;
                for (CaseResult r : e.getValue()) {
                    Element tc = doc.createElement("testcase");
                    tc.setAttribute("classname", e.getKey());
                    tc.setAttribute("name", r.fullName());
                    if (r.at() != null) {
                        tc.setAttribute("file", r.at().file());
                        tc.setAttribute("line", Integer.toString(r.at().line()));
                    }
                    if (!r.passed()) {
                        failures++;
                        Element failure = doc.createElement("failure");
                        failure.setAttribute("message", r.diffs().isEmpty() ? String.valueOf(r.note())
                                : "differs in " + String.join(", ", r.diffs().stream().map(FieldDiff::field).toList()));
                        failure.setAttribute("type", "mismatch");
                        failure.setTextContent(body(r));
                        tc.appendChild(failure);
                    }
                    suite.appendChild(tc);
                }
                suite.setAttribute("tests", Integer.toString(e.getValue().size()));
                suite.setAttribute("failures", Integer.toString(failures));
            }
            if (!report.problems().isEmpty()) {
                Element suite = doc.createElement("testsuite");
                suites.appendChild(suite);
                suite.setAttribute("name", "loading");
                suite.setAttribute("tests", Integer.toString(report.problems().size()));
                suite.setAttribute("errors", Integer.toString(report.problems().size()));
                for (io.quorate.diag.Diagnostic d : report.problems()) {
                    Element tc = doc.createElement("testcase");
                    tc.setAttribute("classname", d.at().file());
                    tc.setAttribute("name", d.at().toString());
                    Element error = doc.createElement("error");
                    error.setAttribute("message", d.message());
                    error.setAttribute("type", d.code());
                    error.setTextContent(d.render());
                    tc.appendChild(error);
                    suite.appendChild(tc);
                }
            }
            suites.setAttribute("tests", Long.toString(report.results().size()));
            suites.setAttribute("failures", Long.toString(report.failed()));
            StringWriter out = new StringWriter();
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out + "\n";
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("the test report cannot be written as JUnit XML", e);
        }
    }

    private static String body(CaseResult r) {
        StringBuilder out = new StringBuilder();
        for (FieldDiff d : r.diffs()) {
            out.append("- ").append(d.field()).append(": ").append(d.expected()).append('\n');
            out.append("+ ").append(d.field()).append(": ").append(d.actual()).append('\n');
        }
        if (r.note() != null) out.append(r.note()).append('\n');
        out.append("actual: ").append(r.actual());
        return out.toString();
    }
}
