package io.longlink.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.longlink.server.LonglinkServer;
import io.longlink.server.config.Profile;
import io.longlink.server.config.ServerConfig;
import io.longlink.server.faults.FaultyServer;
import io.longlink.server.faults.Violation;
import java.nio.charset.StandardCharsets;
import io.longlink.load.baseline.BareServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Load runs against the in-process reference server: the promise holds under chaos, and a broken server is caught. */
class LoadRunIT {

  static final byte[] SECRET = "load-test-jwt-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  static String token(String user) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().subject(user)
          .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1)))).claim("scope", "longlink").build());
      jwt.sign(new MACSigner(SECRET));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static LoadReport run(ServerConfig.Builder config, int connections, int rate, double chaos, List<String> lines,
      Violation... violations) throws Exception {
    return run(config, connections, 0, rate, chaos, lines, violations);
  }

  private static LoadReport run(ServerConfig.Builder config, int connections, int roomSize, int rate, double chaos,
      List<String> lines, Violation... violations) throws Exception {
    try (LonglinkServer server = FaultyServer.start(config.host("127.0.0.1").port(0).jwtSecret(SECRET).build(),
        List.of(violations))) {
      return LoadRun.run(plan(server.uri(), connections, roomSize, rate, chaos, LoadPlan.Stack.LONGLINK), lines::add);
    }
  }

  private static LoadPlan plan(URI uri, int connections, int roomSize, int rate, double chaos, LoadPlan.Stack stack) {
    return new LoadPlan(List.of(uri), LoadRunIT::token, user -> Optional.empty(), connections, rate, Duration.ZERO,
        Duration.ofSeconds(4), chaos, 64, roomSize, stack, 50, Duration.ofSeconds(5), Duration.ZERO, Duration.ZERO,
        Duration.ZERO, "t" + System.nanoTime() % 1_000_000);
  }

  @Test
  void aGracefulRestartLosesAtMostWhatTheInMemoryStoreHeldAndDeliversNothingTwice() throws Exception {
    List<String> lines = new ArrayList<>();
    ServerConfig.Builder config = ServerConfig.builder(Profile.FAST).host("127.0.0.1").port(0).jwtSecret(SECRET);
    // The server of the moment: the restart replaces it with one on the same port, as `load --restart-after` does.
    LonglinkServer[] server = {LonglinkServer.start(config.build())};
    try {
      ServerRestart restart = ServerRestart.inMemory(() -> {
        int port = server[0].port();
        server[0].close();
        server[0] = LonglinkServer.start(config.port(port).build());
      });
      LoadPlan plan = new LoadPlan(List.of(server[0].uri()), LoadRunIT::token, user -> Optional.empty(), 40, 100,
          Duration.ZERO, Duration.ofSeconds(5), 0, 64, 0, LoadPlan.Stack.LONGLINK, 50, Duration.ofSeconds(10),
          Duration.ofSeconds(2), Duration.ZERO, Duration.ZERO, "t" + System.nanoTime() % 1_000_000);
      LoadReport report = LoadRun.run(plan, lines::add, Optional.empty(), Optional.of(restart));
      assertTrue(report.kept(), report::text);
      assertEquals(0, report.duplicated(), report::text);
      assertTrue(report.restart().atMs() > 0 && report.restart().tookMs() >= 0, report::text);
      assertEquals(report.restart().owedFromBefore(), report.lost(), "every loss is one the restart excuses: " + report.text());
      assertTrue(report.closes().getOrDefault(1001, 0L) >= 40, "every session ended with 1001: " + report.text());
      assertTrue(report.sessions() >= 80, "every user came back: " + report.text());
      assertEquals(report.sent(), report.acked(), report::text);
      assertTrue(lines.stream().anyMatch(l -> l.contains("the server listens again")), () -> String.join("\n", lines));
    } finally {
      server[0].close();
    }
  }

  @Test
  void roomChatsReachEveryOtherMemberWhileConnectionsDrop() throws Exception {
    List<String> lines = new ArrayList<>();
    LoadReport report = run(ServerConfig.builder(Profile.FAST), 40, 10, 40, 0.1, lines);
    assertTrue(report.kept(), report::text);
    assertEquals(40, report.joined(), report::text);
    assertEquals(160, report.sent(), report::text);
    assertEquals(report.sent(), report.acked(), report::text);
    assertEquals(report.acked() * 9, report.delivered(), report::text);
    assertTrue(report.dropped() > 0, report::text);
  }

  @Test
  void aServerThatDeliversARoomChatToOneMemberOnlyIsCaught() throws Exception {
    LoadReport report = run(ServerConfig.builder(Profile.FAST), 20, 10, 20, 0, new ArrayList<>(), Violation.ROOM_2);
    assertEquals(report.acked() * 8, report.lost(), report::text);
    assertTrue(report.text().contains("Result: BROKEN"), report::text);
  }

  @Test
  void theBareStackEchoesAndBroadcastsOnTheSameClient() throws Exception {
    try (BareServer bare = BareServer.start("127.0.0.1", 0)) {
      LoadReport echo = LoadRun.run(plan(bare.uri(), 20, 0, 100, 0, LoadPlan.Stack.BARE), line -> { },
          Optional.of(ServerProcess.of(ProcessHandle.current().pid())));
      assertTrue(echo.kept(), echo::text);
      assertEquals(400, echo.acked(), echo::text);
      assertEquals(0, echo.delivered(), echo::text);
      assertTrue(echo.cost().serverCpuMicrosPerChat() > 0 && echo.cost().serverRssBytesHeld() > 0, echo::text);
      LoadReport room = LoadRun.run(plan(bare.uri(), 20, 10, 50, 0, LoadPlan.Stack.BARE), line -> { });
      assertTrue(room.kept(), room::text);
      assertEquals(200, room.acked(), room::text);
      assertEquals(200 * 9, room.delivered(), room::text);
    }
  }

  @Test
  void nothingAckedIsLostOrDuplicatedWhileConnectionsDropWithoutAClose() throws Exception {
    List<String> lines = new ArrayList<>();
    LoadReport report = run(ServerConfig.builder(Profile.FAST), 60, 150, 0.1, lines);
    assertTrue(report.kept(), report::text);
    assertEquals(600, report.sent(), report::text);
    assertEquals(report.sent(), report.acked(), report::text);
    assertEquals(report.acked(), report.delivered() - report.deliveredUnacked(), report::text);
    assertTrue(report.dropped() > 0, () -> "chaos 0.1 of 60 connections for 4 s dropped none:\n" + report.text());
    assertTrue(report.sessions() > report.established(), "the dropped clients came back: " + report.text());
    assertTrue(report.ack().count() == report.acked() && report.ack().p50() > 0, report::text);
    assertTrue(lines.size() >= 4, "a progress line a second: " + lines);
    assertTrue(report.json().contains("\"format\" : \"longlink-load/1\""), report::json);
  }

  @Test
  void aServerThatDropsChatsToUsersBetweenTwoSessionsIsCaught() throws Exception {
    List<String> lines = new ArrayList<>();
    LoadReport report = run(ServerConfig.builder(Profile.FAST), 60, 150, 0.2, lines, Violation.DLV_4);
    assertTrue(report.lost() > 0, () -> "a server that drops chats to users without a session lost none while users reconnected:\n"
        + report.text());
    assertTrue(report.text().contains("Result: BROKEN"), report::text);
  }
}
