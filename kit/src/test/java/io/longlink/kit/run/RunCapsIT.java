package io.longlink.kit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.kit.settings.JwtTokenSource;
import io.longlink.kit.settings.KitSettings;
import io.longlink.server.LonglinkServer;
import io.longlink.server.config.Profile;
import io.longlink.server.config.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code --max-connections} and {@code --max-messages} bound what a run sends, counted by the
 * server it checks: a run with small caps opens and sends no more than them, and the scenarios
 * they stop are skipped, naming the cap, never failed; the same rules pass with room to run.
 */
class RunCapsIT {

  private static final byte[] JWT_SECRET = "caps-jwt-secret-0123456789abcdefghij".getBytes(StandardCharsets.UTF_8);
  private static final byte[] SIGNING_SECRET = "caps-signing-secret-0123456789abcde".getBytes(StandardCharsets.UTF_8);
  private static final ConformanceRunner RUNNER = ConformanceRunner.builder().parallelism(2).build();
  private static final List<String> RULES = List.of("LL-CHAT");

  private record Seen(RunReport report, long connections, long frames) {}

  private static Seen run(int maxConnections, int maxMessages) throws Exception {
    ServerConfig config = ServerConfig.builder(Profile.FAST).host("127.0.0.1").port(0).jwtSecret(JWT_SECRET)
        .signingSecret(SIGNING_SECRET).build();
    try (LonglinkServer server = LonglinkServer.start(config)) {
      KitSettings settings = new KitSettings(server.uri(), new JwtTokenSource(JWT_SECRET, SIGNING_SECRET, null, null),
          Map.of(), false, null, KitSettings.DEFAULT_TIMING_SLACK, maxConnections, maxMessages,
          "caps" + System.nanoTime() % 100_000);
      RunReport report = RUNNER.run(settings, RuleSelection.of(RUNNER.catalog(), RULES, null, false), RuleListener.NONE);
      String metrics = server.metrics().prometheus();
      return new Seen(report, counter(metrics, "longlink_connections_opened_total"),
          counter(metrics, "longlink_frames_received_total"));
    }
  }

  private static long counter(String metrics, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + " (\\d+)").matcher(metrics);
    assertTrue(m.find(), name + " missing from the server's metrics:\n" + metrics);
    return Long.parseLong(m.group(1));
  }

  @Test
  void aRunOpensAndSendsNoMoreThanItsCapsAndSkipsWhatTheyStop() throws Exception {
    Seen capped = run(3, 5);
    assertTrue(capped.connections() <= 3, "connections the server accepted: " + capped.connections());
    assertTrue(capped.frames() <= 5, "frames the server received: " + capped.frames());
    assertEquals(List.of(), capped.report().withStatus(RuleStatus.FAILED).stream().map(v -> v.rule().id()).toList(),
        "a cap is no fault of the server's");
    List<RuleVerdict> skipped = capped.report().withStatus(RuleStatus.SKIPPED);
    assertFalse(skipped.isEmpty(), "no rule was stopped by the caps");
    assertTrue(skipped.stream().allMatch(v -> v.skipReason().orElse("").contains("--max-")),
        () -> "skipped for another reason: " + skipped.stream().map(v -> v.rule().id() + " " + v.skipReason()).toList());

    Seen roomy = run(2_000, 200_000);
    assertTrue(roomy.connections() > 3, "the same rules need more than 3 connections: " + roomy.connections());
    assertEquals(List.of(), roomy.report().withStatus(RuleStatus.SKIPPED).stream().map(v -> v.rule().id()).toList());
    assertEquals(List.of(), roomy.report().withStatus(RuleStatus.FAILED).stream().map(v -> v.rule().id()).toList());
  }
}
