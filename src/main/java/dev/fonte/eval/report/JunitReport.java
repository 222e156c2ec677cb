package dev.fonte.eval.report;

import dev.fonte.eval.fixture.FixtureProblem;
import dev.fonte.eval.run.CaseResult;
import dev.fonte.eval.run.EvalRun;
import dev.fonte.eval.run.Metrics;
import dev.fonte.eval.run.Outcomes;
import dev.fonte.eval.run.SuiteResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JUnit XML (the Ant/Surefire schema CI systems read): one {@code testsuite} per fixture suite, one {@code testcase}
 * per case; a failed case carries a {@code failure} with the question, answer, citations and failed assertions.
 * Fixture problems are {@code error} test cases of a {@code fixtures} suite.
 */
public final class JunitReport implements ReportWriter {

    @Override
    public void write(EvalRun run, Writer out) throws IOException {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element root = doc.createElement("testsuites");
            root.setAttribute("name", "fonte-eval");
            root.setAttribute("tests", String.valueOf(run.cases().count() + run.problems().size()));
            root.setAttribute("failures", String.valueOf(run.cases().filter(c -> !c.passed()).count()));
            root.setAttribute("errors", String.valueOf(run.problems().size()));
            root.setAttribute("time", seconds(run.duration().toMillis()));
            doc.appendChild(root);
            for (SuiteResult s : run.suites()) {
                root.appendChild(suite(doc, s));
            }
            if (!run.problems().isEmpty()) {
                root.appendChild(problems(doc, run.problems()));
            }
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            out.flush();
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    private static Element suite(Document doc, SuiteResult s) {
        Element suite = doc.createElement("testsuite");
        suite.setAttribute("name", s.suite().name());
        suite.setAttribute("tests", String.valueOf(s.cases().size()));
        suite.setAttribute("failures", String.valueOf(s.cases().size() - s.passedCount()));
        suite.setAttribute("errors", "0");
        suite.setAttribute("time", seconds(s.cases().stream().mapToLong(CaseResult::latencyMillis).sum()));
        Element properties = doc.createElement("properties");
        properties.appendChild(property(doc, "minScore", String.valueOf(s.suite().minScore())));
        properties.appendChild(property(doc, "score", String.format(Locale.ROOT, "%.4f", s.score())));
        properties.appendChild(property(doc, "file", s.suite().file()));
        outcomes(doc, properties, "outcomes", Metrics.of(s.cases()));
        s.byLanguage().forEach((language, m) -> outcomes(doc, properties, "language." + language, m));
        s.byTag().forEach((tag, m) -> outcomes(doc, properties, "tag." + tag, m));
        suite.appendChild(properties);
        for (CaseResult c : s.cases()) {
            Element testcase = doc.createElement("testcase");
            testcase.setAttribute("classname", "fonte.eval." + s.suite().name());
            testcase.setAttribute("name", c.testCase().id());
            testcase.setAttribute("file", c.testCase().location());
            testcase.setAttribute("time", seconds(c.latencyMillis()));
            if (!c.passed()) {
                Failure f = Failure.of(c);
                Element failure = doc.createElement("failure");
                failure.setAttribute("message", xml(String.join("; ", f.failed())));
                failure.setAttribute("type", "assertion");
                failure.setTextContent(xml(details(f)));
                testcase.appendChild(failure);
            }
            suite.appendChild(testcase);
        }
        return suite;
    }

    private static Element problems(Document doc, List<FixtureProblem> problems) {
        Element suite = doc.createElement("testsuite");
        suite.setAttribute("name", "fixtures");
        suite.setAttribute("tests", String.valueOf(problems.size()));
        suite.setAttribute("failures", "0");
        suite.setAttribute("errors", String.valueOf(problems.size()));
        for (FixtureProblem p : problems) {
            Element testcase = doc.createElement("testcase");
            testcase.setAttribute("classname", "fonte.eval.fixtures");
            testcase.setAttribute("name", p.file() + ":" + p.line());
            Element error = doc.createElement("error");
            error.setAttribute("message", p.toString());
            error.setAttribute("type", "fixture");
            testcase.appendChild(error);
            suite.appendChild(testcase);
        }
        return suite;
    }

    /** The outcome counts and rates of a group as {@code prefix.correct}, ...; an unmeasured rate is left out. */
    private static void outcomes(Document doc, Element properties, String prefix, Metrics m) {
        Outcomes o = m.outcomes();
        Map<String, Number> figures = new LinkedHashMap<>();
        figures.put("questions", o.turns());
        figures.put("correct", o.correct());
        figures.put("refusedRight", o.refusedRight());
        figures.put("missed", o.missed());
        figures.put("wrongCited", o.wrongCited());
        figures.put("other", o.other());
        figures.put("accuracy", o.accuracy());
        figures.put("answerableCorrect", o.answerableCorrect());
        figures.put("unanswerableRefused", o.unanswerableRefused());
        figures.put("wrongCitedRate", o.wrongCitedRate());
        figures.forEach((name, value) -> {
            if (value != null) {
                properties.appendChild(property(doc, prefix + "." + name, value instanceof Double d
                        ? String.format(Locale.ROOT, "%.4f", d) : value.toString()));
            }
        });
    }

    private static Element property(Document doc, String name, String value) {
        Element property = doc.createElement("property");
        property.setAttribute("name", name);
        property.setAttribute("value", value);
        return property;
    }

    private static String details(Failure f) {
        StringBuilder text = new StringBuilder();
        text.append("fixture: ").append(f.location()).append('\n');
        text.append("question: ").append(f.question()).append('\n');
        text.append("answer: ").append(f.answer()).append('\n');
        text.append("outcome: ").append(f.outcome()).append('\n');
        f.citations().forEach(c -> text.append("citation: ").append(c).append('\n'));
        f.failed().forEach(a -> text.append("failed: ").append(a).append('\n'));
        return text.toString();
    }

    /** Drops the control characters XML 1.0 cannot carry, even escaped (a model may emit them). */
    private static String xml(String text) {
        return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "");
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
