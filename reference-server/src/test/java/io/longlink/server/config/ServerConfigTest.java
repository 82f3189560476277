package io.longlink.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.protocol.SessionParameter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

  private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  @Test
  void theDefaultProfileAdvertisesTheSpecDefaults() {
    ServerConfig config = ServerConfig.builder(Profile.DEFAULT).jwtSecret(SECRET).build();
    for (SessionParameter p : SessionParameter.values()) {
      assertEquals(p.defaultValue(), config.number(p), p.path());
    }
  }

  @Test
  void theFastProfileIsConsistent() {
    ServerConfig config = ServerConfig.builder(Profile.FAST).jwtSecret(SECRET).signingSecret(SECRET).build();
    assertEquals(500, config.millis(SessionParameter.HEARTBEAT_INTERVAL_MS));
    assertTrue(config.signing());
  }

  @Test
  void everyProblemIsReportedWithTheFlagAndTheAllowedRange() {
    ConfigException e = assertThrows(ConfigException.class, () -> ServerConfig.builder(Profile.DEFAULT)
        .port(70_000)
        .path("ws")
        .jwtSecret("short".getBytes(StandardCharsets.UTF_8))
        .set(SessionParameter.HEARTBEAT_INTERVAL_MS, 50L)
        .set(SessionParameter.HEARTBEAT_TIMEOUT_MS, 30_000L)
        .set(SessionParameter.HEARTBEAT_INTERVAL_MS, 20_000L)
        .set(SessionParameter.RECONNECT_JITTER, 1.5)
        .build());
    List<String> problems = e.problems();
    assertTrue(problems.contains("--port is 70000; use 0-65535 (0 picks a free port)"), problems.toString());
    assertTrue(problems.contains("--path is 'ws'; it has to start with /, e.g. /ws"), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("the JWT secret is 5 bytes")), problems.toString());
    assertTrue(problems.contains("--reconnect-jitter is 1.5; use 0-1 (reconnect.jitter, PROTOCOL.md §6)"), problems.toString());
    assertTrue(problems.contains("--heartbeat-timeout-ms is 30000; it has to be at least twice --heartbeat-interval-ms (2 x 20000 = 40000)"),
        problems.toString());
    assertEquals(5, problems.size(), problems.toString());
  }

  @Test
  void theReplayWindowMayNotOutlastTheDedupWindowWhenSigning() {
    ConfigException e = assertThrows(ConfigException.class, () -> ServerConfig.builder(Profile.DEFAULT)
        .jwtSecret(SECRET).signingSecret(SECRET)
        .set(SessionParameter.DEDUP_WINDOW_MS, 10_000L)
        .build());
    assertTrue(e.getMessage().contains("--replay-window-ms is 60000; with signing on it has to be at most --dedup-window-ms (10000)"),
        e.getMessage());
  }

  @Test
  void theBoundsOnConnectionsWithoutASessionAreValidatedTogether() {
    ServerConfig defaults = ServerConfig.builder(Profile.DEFAULT).jwtSecret(SECRET).build();
    assertEquals(1_024, defaults.maxUnauthenticated());
    assertEquals(128, defaults.maxUnauthenticatedPerAddress());
    ConfigException e = assertThrows(ConfigException.class, () -> ServerConfig.builder(Profile.DEFAULT).jwtSecret(SECRET)
        .maxUnauthenticated(0).maxUnauthenticatedPerAddress(0).build());
    assertEquals(List.of("--max-unauthenticated is 0; use 1-1000000, and keep it well below the server's file-descriptor "
        + "limit (ulimit -n)", "--max-unauthenticated-per-address is 0; use 1-1000000"), e.problems());
  }

  @Test
  void flagsAreNamedAfterTheParameters() {
    assertEquals("--heartbeat-interval-ms", Flags.of(SessionParameter.HEARTBEAT_INTERVAL_MS));
    assertEquals("--rate-messages", Flags.of(SessionParameter.RATE_MESSAGES));
    assertEquals("--ack-timeout-ms", Flags.of(SessionParameter.ACK_TIMEOUT_MS));
    assertEquals("--replay-window-ms", Flags.of(SessionParameter.REPLAY_WINDOW_MS));
    assertEquals("--dedup-window-ms", Flags.of(SessionParameter.DEDUP_WINDOW_MS));
  }
}
