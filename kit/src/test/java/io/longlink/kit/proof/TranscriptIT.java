package io.longlink.kit.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longlink.kit.report.ReportDirectory;
import io.longlink.kit.report.ResultsSchemaTest;
import io.longlink.kit.run.ConformanceRunner;
import io.longlink.kit.run.RuleListener;
import io.longlink.kit.run.RuleSelection;
import io.longlink.kit.run.RunReport;
import io.longlink.kit.settings.JwtTokenSource;
import io.longlink.kit.settings.KitSettings;
import io.longlink.server.LonglinkServer;
import io.longlink.server.config.Profile;
import io.longlink.server.config.ServerConfig;
import io.longlink.server.faults.FaultyServer;
import io.longlink.server.faults.Violation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed scenario's reports carry its wire transcript: against a server that never answers a
 * ping (LL-HB-2), results.json holds the frames of the failed scenarios (the ping that got no
 * pong), with the tokens redacted, and report.html draws them as a sequence diagram.
 */
class TranscriptIT {

  private static final byte[] JWT_SECRET = "transcript-jwt-secret-0123456789abcd".getBytes(StandardCharsets.UTF_8);
  private static final byte[] SIGNING_SECRET = "transcript-signing-secret-0123456789".getBytes(StandardCharsets.UTF_8);
  /** What a Java record's toString looks like: {@code ChatAck[id=m1, seq=21, …]}. */
  private static final Pattern RECORD_TO_STRING = Pattern.compile("\\b[A-Z][A-Za-z]+\\[[a-z][A-Za-z]*=");

  @Test
  void theFailedScenarioOfAnUnansweredPingCarriesItsFrames(@TempDir Path reports) throws Exception {
    ConformanceRunner runner = ConformanceRunner.builder().build();
    ServerConfig config = ServerConfig.builder(Profile.FAST).host("127.0.0.1").port(0)
        .jwtSecret(JWT_SECRET).signingSecret(SIGNING_SECRET).build();
    RunReport report;
    try (LonglinkServer server = FaultyServer.start(config, List.of(Violation.HB_2))) {
      KitSettings settings = new KitSettings(server.uri(), new JwtTokenSource(JWT_SECRET, SIGNING_SECRET, null, null),
          Map.of(), false, null, KitSettings.DEFAULT_TIMING_SLACK, 200, 5_000, "tr" + System.nanoTime() % 100_000);
      report = runner.run(settings, RuleSelection.of(runner.catalog(), List.of("LL-HB-2"), null, false), RuleListener.NONE);
    }
    ReportDirectory.write(report, reports);

    JsonNode results = new ObjectMapper().readTree(reports.resolve(ReportDirectory.JSON).toFile());
    assertEquals(List.of(), ResultsSchemaTest.problems(results), "results.json with transcripts fits spec/results.schema.json");
    JsonNode rule = rule(results, "LL-HB-2");
    assertEquals("failed", rule.get("status").asText());
    List<JsonNode> transcripts = new ArrayList<>();
    for (JsonNode scenario : rule.get("scenarios")) {
      assertEquals(scenario.get("status").asText().equals("failed"), scenario.has("transcript"), scenario.toString());
      if (scenario.has("transcript")) {
        transcripts.add(scenario.get("transcript"));
        assertFalse(RECORD_TO_STRING.matcher(scenario.get("failure").get("actual").asText()).find(),
            "a failure's saw is never a Java toString: " + scenario.get("failure"));
      }
    }
    assertFalse(transcripts.isEmpty(), "the failed scenarios carry transcripts");
    JsonNode frames = transcripts.stream().filter(t -> t.toString().contains("p-1")).findFirst().orElseThrow();
    JsonNode ping = find(frames, "sent", "{\"type\":\"ping\",\"id\":\"p-1\"}");
    assertEquals("alice's connection #1", ping.get("connection").asText());
    assertTrue(ping.get("t_ms").asLong() >= 0);
    assertEquals("open", frames.get(0).get("kind").asText());
    assertTrue(frames.get(0).get("text").asText().startsWith("ws://127.0.0.1:"), frames.get(0).toString());
    for (JsonNode e : frames) {
      assertFalse(e.path("text").asText().contains("\"type\":\"pong\",\"id\":\"p-1\""), "the server never answered p-1");
    }
    JsonNode auth = find(frames, "sent", "{\"type\":\"auth\",\"token\":\"<token of alice, redacted>\","
        + "\"client\":{\"name\":\"longlink-kit\",\"version\":\"" + io.longlink.protocol.Protocol.VERSION + "\"}}");
    assertEquals("text", auth.get("kind").asText());
    boolean authOk = false;
    for (JsonNode e : frames) {
      authOk |= e.get("direction").asText().equals("received") && e.path("text").asText().startsWith("{\"type\":\"auth_ok\"");
    }
    assertTrue(authOk, "what the server sent is there, as it sent it: " + frames);

    String html = Files.readString(reports.resolve(ReportDirectory.HTML));
    assertFalse(html.contains("eyJ") || Files.readString(reports.resolve(ReportDirectory.JSON)).contains("eyJ"),
        "no token reaches a report");
    assertTrue(html.contains("<div class=\"failures\"><strong>1 rule failed:</strong>"), "failures first");
    assertTrue(html.contains("<svg "), "the sequence diagram");
    assertTrue(html.contains(">ping p-1</text>"), "the unanswered ping's arrow");
    assertTrue(html.contains("<pre>{&quot;type&quot;:&quot;ping&quot;,&quot;id&quot;:&quot;p-1&quot;}</pre>"), "its row");
  }

  private static JsonNode rule(JsonNode results, String id) {
    for (JsonNode rule : results.get("rules")) {
      if (rule.get("id").asText().equals(id)) {
        return rule;
      }
    }
    throw new AssertionError(id + " is not in results.json");
  }

  private static JsonNode find(JsonNode frames, String direction, String text) {
    for (JsonNode e : frames) {
      if (e.get("direction").asText().equals(direction) && text.equals(e.path("text").asText())) {
        return e;
      }
    }
    throw new AssertionError("no " + direction + " frame " + text + " in " + frames);
  }
}
