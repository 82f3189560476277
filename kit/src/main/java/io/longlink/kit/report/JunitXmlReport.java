package io.longlink.kit.report;

import io.longlink.kit.run.Failure;
import io.longlink.kit.run.RuleStatus;
import io.longlink.kit.run.RuleVerdict;
import io.longlink.kit.run.RunReport;
import io.longlink.kit.run.ScenarioResult;
import io.longlink.rules.Rule;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code junit.xml} for CI systems: one testsuite per section of the spec, one testcase per rule
 * of the checked side. Failed rules carry a failure with what was expected and seen; skipped, not
 * covered and not selected rules are skipped testcases whose message says which and why. Errors
 * of the run itself are a testsuite of their own, so that CI cannot show such a run as green.
 */
public final class JunitXmlReport {

  private JunitXmlReport() {}

  public static void write(RunReport report, OutputStream out) throws XMLStreamException {
    XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
    Map<String, List<RuleVerdict>> sections = new LinkedHashMap<>();
    report.ofCheckedSide().forEach(v -> sections.computeIfAbsent(v.rule().section(), k -> new ArrayList<>()).add(v));
    String side = report.selection().side().name().toLowerCase(Locale.ROOT);

    xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
    xml.writeCharacters("\n");
    xml.writeStartElement("testsuites");
    attribute(xml, "name", "Longlink conformance of " + report.target());
    attribute(xml, "tests", report.ofCheckedSide().size() + (report.errors().isEmpty() ? 0 : 1));
    attribute(xml, "failures", report.ofCheckedSide().stream().filter(v -> v.status() == RuleStatus.FAILED).count());
    attribute(xml, "errors", report.errors().isEmpty() ? 0 : 1);
    attribute(xml, "skipped", report.ofCheckedSide().stream().filter(v -> !v.status().checked()).count());
    attribute(xml, "time", Durations.seconds(report.duration()));
    attribute(xml, "timestamp", report.started().toString());
    for (Map.Entry<String, List<RuleVerdict>> section : sections.entrySet()) {
      suite(xml, report, side, section.getKey(), section.getValue());
    }
    if (!report.errors().isEmpty()) {
      errors(xml, report);
    }
    xml.writeCharacters("\n");
    xml.writeEndElement();
    xml.writeCharacters("\n");
    xml.writeEndDocument();
    xml.flush();
  }

  private static void suite(XMLStreamWriter xml, RunReport report, String side, String section, List<RuleVerdict> verdicts)
      throws XMLStreamException {
    xml.writeCharacters("\n  ");
    xml.writeStartElement("testsuite");
    attribute(xml, "name", section);
    attribute(xml, "tests", verdicts.size());
    attribute(xml, "failures", verdicts.stream().filter(v -> v.status() == RuleStatus.FAILED).count());
    attribute(xml, "errors", 0);
    attribute(xml, "skipped", verdicts.stream().filter(v -> !v.status().checked()).count());
    attribute(xml, "time", Durations.seconds(verdicts.stream().map(RuleVerdict::span)
        .reduce(Duration.ZERO, (a, b) -> a.compareTo(b) >= 0 ? a : b)));
    attribute(xml, "timestamp", report.started().toString());
    for (RuleVerdict verdict : verdicts) {
      testcase(xml, side, verdict);
    }
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
  }

  private static void testcase(XMLStreamWriter xml, String side, RuleVerdict verdict) throws XMLStreamException {
    Rule rule = verdict.rule();
    xml.writeCharacters("\n    ");
    xml.writeStartElement("testcase");
    attribute(xml, "classname", "longlink." + side + "." + rule.section());
    attribute(xml, "name", rule.id() + " " + rule.title());
    attribute(xml, "time", Durations.seconds(verdict.span()));
    switch (verdict.status()) {
      case FAILED -> {
        ScenarioResult first = verdict.firstFailure().orElseThrow();
        xml.writeCharacters("\n      ");
        xml.writeStartElement("failure");
        attribute(xml, "message", first.failure().message());
        attribute(xml, "type", first.failure().isCheckFailure() ? "CheckFailure" : "error");
        text(xml, failureText(verdict));
        xml.writeEndElement();
        xml.writeCharacters("\n    ");
      }
      case SKIPPED -> skipped(xml, "skipped: " + verdict.skipReason().orElse("no reason given"));
      case NOT_COVERED -> skipped(xml, rule.whyNotJudgeable().map(why -> "left to a reviewer: no wire check can judge "
          + rule.id() + " (PROTOCOL.md §22): " + why).orElse("not covered: no scenario of the kit checks " + rule.id()));
      case NOT_SELECTED -> skipped(xml, "not selected: excluded by --rules, --tags or the lack of --strict");
      case PASSED -> {
        if (verdict.passedInPart()) {
          xml.writeCharacters("\n      ");
          xml.writeStartElement("system-out");
          text(xml, "passed in part; a reviewer checks the rest (PROTOCOL.md §22): " + rule.checkedInPart().orElseThrow());
          xml.writeEndElement();
          xml.writeCharacters("\n    ");
        }
      }
    }
    xml.writeEndElement();
  }

  private static void skipped(XMLStreamWriter xml, String message) throws XMLStreamException {
    xml.writeCharacters("\n      ");
    xml.writeEmptyElement("skipped");
    attribute(xml, "message", message);
    xml.writeCharacters("\n    ");
  }

  private static void errors(XMLStreamWriter xml, RunReport report) throws XMLStreamException {
    xml.writeCharacters("\n  ");
    xml.writeStartElement("testsuite");
    attribute(xml, "name", "Run errors");
    attribute(xml, "tests", 1);
    attribute(xml, "failures", 0);
    attribute(xml, "errors", 1);
    attribute(xml, "skipped", 0);
    xml.writeCharacters("\n    ");
    xml.writeStartElement("testcase");
    attribute(xml, "classname", "longlink.kit");
    attribute(xml, "name", "the conformance run itself");
    xml.writeCharacters("\n      ");
    xml.writeStartElement("error");
    attribute(xml, "message", report.errors().get(0));
    text(xml, String.join("\n", report.errors()));
    xml.writeEndElement();
    xml.writeCharacters("\n    ");
    xml.writeEndElement();
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
  }

  /** The rule and every failed scenario: CI systems show this body next to the testcase. */
  private static String failureText(RuleVerdict verdict) {
    Rule rule = verdict.rule();
    StringBuilder text = new StringBuilder()
        .append(rule.id()).append(" (").append(rule.side().name().toLowerCase(Locale.ROOT)).append(", ")
        .append(rule.level()).append(") ").append(rule.title()).append(".\n").append(rule.text()).append('\n');
    for (ScenarioResult s : verdict.scenarios()) {
      if (s.failure() == null) {
        continue;
      }
      Failure f = s.failure();
      text.append("\nscenario: ").append(s.scenario()).append('\n');
      if (f.isCheckFailure()) {
        text.append("expected: ").append(f.expected()).append('\n').append("saw:      ").append(f.actual()).append('\n');
        f.timingIfAny().ifPresent(t -> text.append("timing:   ").append(t).append('\n'));
      } else {
        text.append("error:    ").append(f.message()).append('\n').append(f.detail()).append('\n');
      }
    }
    return text.toString();
  }

  private static void attribute(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
    xml.writeAttribute(name, Markup.xmlSafe(String.valueOf(value)));
  }

  private static void text(XMLStreamWriter xml, String value) throws XMLStreamException {
    xml.writeCharacters(Markup.xmlSafe(value));
  }
}
