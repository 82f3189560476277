package io.longlink.kit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longlink.kit.run.RuleStatus;
import io.longlink.kit.run.RunReport;
import io.longlink.kit.run.fixtures.OutcomeSteps;
import io.longlink.rules.RuleCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportDirectoryTest {

  @TempDir
  static Path directory;
  private static RunReport report;

  @BeforeAll
  static void write() throws IOException {
    report = Fixtures.report();
    List<Path> written = ReportDirectory.write(report, directory.resolve("reports"));
    assertEquals(List.of("report.html", "junit.xml", "results.json"),
        written.stream().map(p -> p.getFileName().toString()).toList());
  }

  private static Path file(String name) {
    return directory.resolve("reports").resolve(name);
  }

  @Test
  void junitXmlIsWellFormedWithOneSuitePerSectionAndOneCasePerServerRule() throws Exception {
    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file("junit.xml").toFile());
    NodeList suites = xml.getElementsByTagName("testsuite");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < suites.getLength(); i++) {
      names.add(((Element) suites.item(i)).getAttribute("name"));
    }
    assertEquals("Transport", names.get(0));
    assertTrue(names.contains("Heartbeat"));
    assertEquals(report.ofCheckedSide().size(), xml.getElementsByTagName("testcase").getLength());

    Map<String, Element> cases = new HashMap<>();
    NodeList testcases = xml.getElementsByTagName("testcase");
    for (int i = 0; i < testcases.getLength(); i++) {
      Element testcase = (Element) testcases.item(i);
      cases.put(testcase.getAttribute("name").split(" ")[0], testcase);
    }
    Element hb2 = (Element) cases.get("LL-HB-2").getElementsByTagName("failure").item(0);
    assertEquals("expected pong within 1400 ms; saw pong after 2300 ms (measured 2300 ms, bound 1000 ms + 400 ms slack)",
        hb2.getAttribute("message"));
    assertTrue(hb2.getTextContent().contains("The server MUST answer"), hb2.getTextContent());
    Element dd1 = (Element) cases.get("LL-DD-1").getElementsByTagName("failure").item(0);
    assertTrue(dd1.getAttribute("message").contains("socket closed <unexpectedly> & \"abruptly\" \uFFFD"),
        dd1.getAttribute("message"));
    Element sec4 = (Element) cases.get("LL-SEC-4").getElementsByTagName("skipped").item(0);
    assertEquals("skipped: the target does not sign chats", sec4.getAttribute("message"));
    Element tr2 = (Element) cases.get("LL-TR-2").getElementsByTagName("skipped").item(0);
    assertTrue(tr2.getAttribute("message").startsWith("not covered"));
    assertEquals(0, cases.get("LL-HB-3").getElementsByTagName("*").getLength(), "a passed rule has no failure or skipped");
  }

  @Test
  void resultsJsonHasEveryRuleOfTheSpecWithItsStatus() throws IOException {
    JsonNode json = new ObjectMapper().readTree(file("results.json").toFile());
    assertEquals("longlink-results/1", json.get("format").asText());
    assertEquals(1, json.get("run").get("exit_code").asInt());
    assertEquals(List.of("X-Api-Key"), List.of(json.get("run").get("header_names").get(0).asText()));
    assertFalse(Files.readString(file("results.json")).contains("secret"), "header values must stay out of reports");
    assertEquals(report.coverage().total(), json.get("summary").get("side_rules").asInt());
    assertEquals(3, json.get("summary").get("failed").asInt());
    assertEquals(report.coverage().unchecked(RuleStatus.NOT_SELECTED).size(),
        json.get("summary").get("not_selected").asInt(), "counts cover the server rules only");
    JsonNode rules = json.get("rules");
    assertEquals(RuleCatalog.load().all().size(), rules.size());
    Map<String, JsonNode> byId = new HashMap<>();
    rules.forEach(r -> byId.put(r.get("id").asText(), r));
    assertEquals("failed", byId.get("LL-HB-2").get("status").asText());
    assertEquals("skipped", byId.get("LL-SEC-4").get("status").asText());
    assertEquals("not-covered", byId.get("LL-TR-2").get("status").asText());
    assertEquals("not-selected", byId.get("LL-HB-1").get("status").asText());
    assertEquals("passed", byId.get("LL-HB-3").get("status").asText());
    assertTrue(byId.get("LL-HB-3").path("checked_in_part").isMissingNode(), "LL-HB-3 is checked whole");
    assertTrue(byId.get("LL-HB-4").path("checked_in_part").asText().contains("control frames"),
        "LL-HB-4 passed in part, saying what is left to a reviewer: " + byId.get("LL-HB-4"));
    JsonNode failure = byId.get("LL-HB-2").get("scenarios").get(1).get("failure");
    assertEquals("pong after 2300 ms", failure.get("actual").asText());
    assertEquals(2300, failure.get("timing").get("measured_ms").asLong());
    assertEquals("the target does not sign chats", byId.get("LL-SEC-4").get("scenarios").get(0).get("skip_reason").asText());
    assertEquals(OutcomeSteps.BREAKING_MESSAGE,
        byId.get("LL-DD-1").get("scenarios").get(0).get("failure").get("message").asText().replace("java.lang.IllegalStateException: ", ""));
  }

  @Test
  void htmlIsSelfContainedAndEscapesWhatTargetsSay() throws IOException {
    String html = Files.readString(file("report.html"));
    assertTrue(html.contains("socket closed &lt;unexpectedly&gt; &amp; &quot;abruptly&quot; \uFFFD"));
    assertFalse(html.contains("<unexpectedly>"));
    assertFalse(html.contains("\u0007"));
    assertFalse(html.contains("<script") || html.contains("<link") || html.contains("src="), "no external resources");
    assertTrue(html.contains("pong after 2300 ms"));
    assertTrue(html.contains("fixtures/outcomes/heartbeat.feature:9"));
    assertTrue(html.contains("the target does not sign chats"));
    assertTrue(html.contains(report.coverage().headline("server")));
    assertTrue(html.indexOf("Coverage") < html.indexOf("<h2>Transport</h2>"), "coverage comes first");
  }
}
