package io.longlink.kit.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.kit.settings.JwtTokenSource;
import io.longlink.kit.settings.KitSettings;
import io.longlink.kit.testing.FakeWebSocketServer;
import io.longlink.kit.testing.FixedTokens;
import io.longlink.server.LonglinkServer;
import io.longlink.server.config.Profile;
import io.longlink.server.config.ServerConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreflightTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private static KitSettings settings(String url, boolean insecure, Path caFile) {
    KitSettings base = FixedTokens.settings(true);
    return new KitSettings(URI.create(url), base.tokens(), Map.of("X-Api-Key", "k-1"), insecure, caFile,
        base.timingSlack(), base.maxConnections(), base.maxMessages(), base.runId());
  }

  @Test
  void aServerThatSwitchesProtocolsIsReachableAndSeesTheSubprotocolAndHeaders() throws IOException {
    try (FakeWebSocketServer server = FakeWebSocketServer.upgrading()) {
      PreflightResult result = Preflight.probe(settings(server.url(), false, null), TIMEOUT);
      assertTrue(result.reachable(), result.problem());
      assertTrue(result.gotSession(), result.sessionProblem());
      assertEquals("longlink.v1", result.selectedSubprotocol().orElseThrow());
      assertEquals("longlink.v1", server.lastRequestHeaders().get("sec-websocket-protocol"));
      assertEquals("k-1", server.lastRequestHeaders().get("x-api-key"));
    }
  }

  @Test
  void nothingListeningIsUnreachableWithConnectionRefused() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    PreflightResult result = Preflight.probe(settings("ws://127.0.0.1:" + port + "/ws", false, null), TIMEOUT);
    assertFalse(result.reachable());
    assertTrue(result.problem().startsWith("connection refused"), result.problem());
  }

  @Test
  void anHttpAnswerIsUnreachableNamingTheStatus() throws IOException {
    try (FakeWebSocketServer server = FakeWebSocketServer.notFound()) {
      PreflightResult result = Preflight.probe(settings(server.url(), false, null), TIMEOUT);
      assertFalse(result.reachable());
      assertTrue(result.problem().startsWith("the server answered HTTP 404"), result.problem());
      assertTrue(result.problem().contains("/ws"), result.problem());
    }
  }

  @Test
  void aCaFileWithoutCertificatesIsRefusedNamingTheOption(@TempDir Path directory) throws IOException {
    Path pem = Files.writeString(directory.resolve("ca.pem"), "not a certificate\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Preflight.probe(settings("wss://127.0.0.1:1/ws", false, pem), TIMEOUT));
    assertTrue(e.getMessage().startsWith("--ca-file " + pem), e.getMessage());
  }

  @Test
  void insecureTrustAcceptsAnyHostName() {
    assertTrue(TlsTrust.apply(new okhttp3.OkHttpClient.Builder(), true, null).build().hostnameVerifier()
        .verify("anything.example", null));
  }

  private static KitSettings jwtSettings(URI target, String secret) {
    return new KitSettings(target, new JwtTokenSource(secret.getBytes(StandardCharsets.UTF_8), null, null, null),
        Map.of(), false, null, Duration.ofMillis(400), 10, 100, "preflight");
  }

  /** The line between "cannot test" and "tested": a wrong JWT secret is no session, with what to check; the right one is one. */
  @Test
  void theKitsTokenGetsASessionOnlyWithTheServersSecret() throws Exception {
    String secret = "preflight-secret-0123456789abcdefghijkl";
    ServerConfig config = ServerConfig.builder(Profile.FAST).host("127.0.0.1").port(0)
        .jwtSecret(secret.getBytes(StandardCharsets.UTF_8)).build();
    try (LonglinkServer server = LonglinkServer.start(config)) {
      PreflightResult wrong = Preflight.probe(jwtSettings(server.uri(), "another-secret-0123456789abcdefghijklm"), TIMEOUT);
      assertTrue(wrong.reachable(), wrong.problem());
      assertFalse(wrong.gotSession());
      assertTrue(wrong.sessionProblem().contains("4001") && wrong.sessionProblem().contains("LONGLINK_JWT_SECRET"),
          wrong.sessionProblem());
      PreflightResult right = Preflight.probe(jwtSettings(server.uri(), secret), TIMEOUT);
      assertTrue(right.gotSession(), right.sessionProblem());
    }
  }

  @Test
  void everyAuthRefusalSaysWhatToCheck() {
    assertTrue(Preflight.refusal(4002, "token_expired").contains("clocks"));
    assertTrue(Preflight.refusal(4003, "forbidden").contains("--token"));
    assertTrue(Preflight.refusal(1011, "").endsWith("instead of answering auth with auth_ok"));
  }

  @Test
  void aWebSocketServerThatIsNotLonglinkGivesNoSessionNamingWhy() throws IOException {
    try (FakeWebSocketServer server = FakeWebSocketServer.silent()) {
      PreflightResult result = Preflight.probe(settings(server.url(), false, null), Duration.ofSeconds(2));
      assertTrue(result.reachable(), result.problem());
      assertFalse(result.gotSession(), "a server that never answers auth gives no session");
      assertTrue(result.sessionProblem().startsWith("no answer to auth within 2000 ms"), result.sessionProblem());
    }
  }
}
