package io.longlink.kit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.longlink.kit.run.RuleVerdict;
import io.longlink.kit.run.RunReport;
import io.longlink.kit.run.ScenarioResult;
import io.longlink.kit.wire.Transcript;
import io.longlink.kit.wire.TranscriptEvent;
import io.longlink.kit.wire.TranscriptEvent.Direction;
import io.longlink.kit.wire.TranscriptEvent.Kind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A failed scenario's transcript in report.html (diagram and table), results.json and the verbose console. */
class TranscriptReportTest {

  private static final String ALICE = "alice's connection #1";
  private static final String PING = "{\"type\":\"ping\",\"id\":\"p-1\"}";
  private static final String CHAT = "{\"type\":\"chat\",\"id\":\"m1\",\"to\":{\"kind\":\"user\",\"id\":\"bob\"},\"body\":\"<b>hi</b> & \\\"you\\\"\"}";

  private static final Transcript TRANSCRIPT = new Transcript(List.of(
      event(0, Direction.SENT, Kind.OPEN, "ws://127.0.0.1:1/ws, offering longlink.v1", 0, null, false),
      event(3, Direction.RECEIVED, Kind.OPENED, "101, subprotocol longlink.v1", 0, null, false),
      event(4, Direction.SENT, Kind.TEXT, CHAT, 0, null, false),
      event(9, Direction.RECEIVED, Kind.TEXT, "{\"type\":\"ack\",\"id\":\"m1\",\"seq\":21,\"ts\":5,\"duplicate\":false}", 0, null, false),
      event(10, Direction.SENT, Kind.TEXT, PING, 0, null, false),
      event(500, Direction.SENT, Kind.TEXT, "{\"type\":\"ping\",\"id\":\"kit-keepalive-1\"}", 0, null, true),
      event(1600, Direction.SENT, Kind.CLOSE, null, 1000, "done", false)));

  private static TranscriptEvent event(long t, Direction d, Kind k, String text, int code, String reason, boolean keepalive) {
    return new TranscriptEvent(t, ALICE, d, k, text, code, reason, keepalive, text == null ? 0 : text.length());
  }

  /** The fixtures' report, its failed LL-HB-2 scenario carrying the transcript. */
  private static RunReport report() {
    RunReport plain = Fixtures.report();
    List<RuleVerdict> verdicts = plain.verdicts().stream().map(v -> !v.rule().id().equals("LL-HB-2") ? v
        : new RuleVerdict(v.rule(), v.status(), v.scenarios().stream()
            .map(s -> s.failure() == null ? s : s.withTranscript(TRANSCRIPT)).toList())).toList();
    return new RunReport(plain.settings(), plain.selection(), plain.parallelism(), plain.started(), plain.duration(),
        verdicts, plain.errors());
  }

  @Test
  void theDiagramHasALifelinePerConnectionAndAnArrowPerFrameButTheKeepalive() {
    String html = HtmlReport.render(report());
    int failedWithTranscript = (int) report().verdict("LL-HB-2").orElseThrow().scenarios().stream()
        .filter(s -> s.transcriptIfAny().isPresent()).count();
    assertEquals(failedWithTranscript, count(html, "<svg "), "one diagram per failed scenario");
    assertEquals(failedWithTranscript * 6, count(html, "<g class=\"frame "), "an arrow per frame, the keepalive ping folded");
    assertEquals(failedWithTranscript * 2, count(html, "<g class=\"lane"), "alice's lifeline and the server's");
    assertTrue(html.contains(">chat m1 → bob</text>"), "a chat's label: its type, id and recipient");
    assertTrue(html.contains(">ack seq 21 m1</text>"), "the seq first: a delivery's order is what a reader follows");
    assertTrue(html.contains(">close 1000 done</text>"), html);
    assertTrue(html.contains("<tr id=\"f-LL-HB-2-") && html.contains(" class=\"keepalive\">"), "the keepalive is a folded row");
    assertFalse(html.contains("<script"), "no script: the report opens from a file");
  }

  @Test
  void theKitsOwnNamesAreShownAsTheScenarioGivesThem() {
    assertEquals("bob", FrameLabel.shortName("ll-k79icpjti1-1-bob"));
    assertEquals("lobby", FrameLabel.shortName("ll-k79icpjti1-12-lobby"));
    assertEquals("m4", FrameLabel.shortName("m4-ll-k79icpjti1-1"));
    assertEquals("alice@example.com", FrameLabel.shortName("alice@example.com"), "a name of the server's own stays whole");
    TranscriptEvent delivery = event(1, Direction.RECEIVED, Kind.TEXT, "{\"type\":\"chat\",\"id\":\"m4-ll-kx-1\",\"seq\":4,"
        + "\"from\":\"ll-kx-1-carol\",\"to\":{\"kind\":\"user\",\"id\":\"ll-kx-1-bob\"},\"body\":\"b\",\"ts\":1,"
        + "\"redelivered\":false}", 0, null, false);
    assertEquals("chat seq 4 m4 → bob from carol", FrameLabel.of(delivery));
  }

  @Test
  void theTableHoldsEachFrameExactlyAsOnTheWire() {
    String html = HtmlReport.render(report());
    assertTrue(html.contains("<pre>" + Markup.html(CHAT) + "</pre>"), "the chat's JSON, escaped for HTML only");
    assertTrue(html.contains("<title>4 ms, " + Markup.html(ALICE) + " sent text:\n" + Markup.html(CHAT) + "</title>"),
        "hovering an arrow shows its frame");
    assertFalse(html.contains("ChatAck["), "never a Java toString");
  }

  @Test
  void failuresAreListedFirstAndEveryLinkHasItsAnchor() {
    String html = HtmlReport.render(report());
    assertTrue(html.indexOf("<div class=\"failures\">") < html.indexOf("<h2>Coverage</h2>"), "failures before everything else");
    assertTrue(html.contains("<li><a href=\"#LL-HB-2\">LL-HB-2</a> Answer every ping: expected"), html);
    Set<String> ids = new HashSet<>();
    Matcher id = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
    while (id.find()) {
      ids.add(id.group(1));
    }
    Matcher link = Pattern.compile("href=\"#([^\"]+)\"").matcher(html);
    int links = 0;
    while (link.find()) {
      links++;
      assertTrue(ids.contains(link.group(1)), "a link to #" + link.group(1) + " without its anchor");
    }
    assertTrue(links > 20, "rule ids, failures and arrows link");
    assertTrue(html.contains("<a href=\"#LL-ERR-5\">[LL-ERR-5]</a>"), "a rule's text links the rules it names");
    assertTrue(html.contains("<dt>Tag expression</dt><dd><details>"), "the tag expression is folded away");
  }

  @Test
  void resultsJsonCarriesTheTranscriptOfFailedScenariosOnly() {
    JsonNode rules = JsonReport.tree(report()).get("rules");
    JsonNode hb2 = null;
    for (JsonNode rule : rules) {
      for (JsonNode scenario : rule.get("scenarios")) {
        boolean failedHb2 = rule.get("id").asText().equals("LL-HB-2") && scenario.get("status").asText().equals("failed");
        assertEquals(failedHb2, scenario.has("transcript"), rule.get("id") + " " + scenario.get("name"));
        if (failedHb2) {
          hb2 = scenario.get("transcript");
        }
      }
    }
    assertEquals(7, hb2.size());
    JsonNode chat = hb2.get(2);
    assertEquals(4, chat.get("t_ms").asLong());
    assertEquals(ALICE, chat.get("connection").asText());
    assertEquals("sent", chat.get("direction").asText());
    assertEquals("text", chat.get("kind").asText());
    assertEquals(CHAT, chat.get("text").asText(), "the text as on the wire");
    assertTrue(hb2.get(5).get("keepalive").asBoolean());
    assertEquals("close", hb2.get(6).get("kind").asText());
    assertEquals(1000, hb2.get(6).get("code").asInt());
    assertEquals("done", hb2.get(6).get("reason").asText());
  }

  @Test
  void verboseProgressPrintsTheTranscriptAfterTheFailure() {
    StringWriter text = new StringWriter();
    new ConsoleProgress(new PrintWriter(text), true).ruleFinished(report().verdict("LL-HB-2").orElseThrow());
    List<String> lines = List.of(text.toString().split("\\R"));
    int start = lines.indexOf("          transcript (7 events; → towards the server, ← from it):");
    assertTrue(start > 0 && lines.get(start - 1).contains("more failed scenario") || lines.get(start - 1).contains("scenario  "),
        text.toString());
    assertEquals(row(10) + "  " + ALICE + "  → " + PING, lines.get(start + 5));
    assertEquals(row(500) + "  " + ALICE + "  → {\"type\":\"ping\",\"id\":\"kit-keepalive-1\"} (keepalive)",
        lines.get(start + 6));
    assertEquals(row(1600) + "  " + ALICE + "  → close 1000 \"done\"", lines.get(start + 7));

    StringWriter quiet = new StringWriter();
    new ConsoleProgress(new PrintWriter(quiet)).ruleFinished(report().verdict("LL-HB-2").orElseThrow());
    assertFalse(quiet.toString().contains("transcript"), "only --verbose prints transcripts");
  }

  /** The start of a transcript line: indented under the failure, the time right-aligned. */
  private static String row(long ms) {
    return " ".repeat(12) + String.format("%7d ms", ms);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
