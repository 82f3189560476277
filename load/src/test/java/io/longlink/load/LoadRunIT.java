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
import io.longlink.server.violation.Violation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Load runs against the in-process reference server: the promise holds under chaos, and a broken server is caught. */
class LoadRunIT {

  private static final byte[] SECRET = "load-test-jwt-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  private static String token(String user) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().subject(user)
          .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1)))).claim("scope", "longlink").build());
      jwt.sign(new MACSigner(SECRET));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static LoadReport run(ServerConfig.Builder config, int connections, int rate, double chaos, List<String> lines)
      throws Exception {
    try (LonglinkServer server = LonglinkServer.start(config.host("127.0.0.1").port(0).jwtSecret(SECRET).build())) {
      LoadPlan plan = new LoadPlan(server.uri(), LoadRunIT::token, user -> Optional.empty(), connections, rate,
          Duration.ZERO, Duration.ofSeconds(4), chaos, 64, 50, Duration.ofSeconds(5),
          "t" + System.nanoTime() % 1_000_000);
      return LoadRun.run(plan, lines::add);
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
    LoadReport report = run(ServerConfig.builder(Profile.FAST).violate(Violation.DLV_4), 60, 150, 0.2, lines);
    assertTrue(report.lost() > 0, () -> "a server that drops chats to users without a session lost none while users reconnected:\n"
        + report.text());
    assertTrue(report.text().contains("Result: BROKEN"), report::text);
  }
}
