package io.longlink.server.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static io.longlink.server.testing.ServerExtension.WAIT;

import com.fasterxml.jackson.databind.JsonNode;
import io.longlink.codec.MessageCodec;
import io.longlink.model.AuthOk;
import io.longlink.protocol.ParameterCheck;
import io.longlink.protocol.SessionParameter;
import io.longlink.server.testing.Messages;
import io.longlink.server.testing.TestClient;
import io.longlink.server.testing.ServerExtension;
import io.longlink.server.testing.TestServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PROTOCOL.md §3 and §7: subprotocol, auth, auth_ok and every way auth fails. */
class HandshakeIT {

  @RegisterExtension
  static final ServerExtension server = ServerExtension.fast();


  private static String auth(String token) {
    return "{\"type\":\"auth\",\"token\":\"" + token + "\",\"client\":{\"name\":\"t\",\"version\":\"1\"}}";
  }

  @Test
  void theSubprotocolIsSelected() throws Exception {
    try (TestClient c = TestClient.connect(server.uri())) {
      assertEquals("longlink.v1", c.subprotocol());
    }
  }

  @Test
  void aClientThatDoesNotOfferTheSubprotocolIsClosedWith4007() throws Exception {
    try (TestClient c = TestClient.connectOffering(server.uri())) {
      assertEquals(4007, c.awaitClose(WAIT).code());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"LONGLINK.V1", "Longlink.v1", "longlink.V1"})
  void aCaseVariantOfTheSubprotocolIsNotItAndIsClosedWith4007(String variant) throws Exception {
    try (TestClient c = TestClient.connectOffering(server.uri(), variant)) {
      assertEquals("", c.subprotocol(), "no subprotocol selected for " + variant);
      assertEquals(4007, c.awaitClose(WAIT).code());
    }
  }

  @Test
  void theSubprotocolIsSelectedAmongOthersOffered() throws Exception {
    try (TestClient c = TestClient.connectOffering(server.uri(), "LONGLINK.V1", "chat", "longlink.v1")) {
      assertEquals("longlink.v1", c.subprotocol());
    }
  }

  @Test
  void authOkAdvertisesTheConfiguredConsistentParameters() throws Exception {
    String alice = TestServer.user("alice");
    try (TestClient c = TestClient.connect(server.uri())) {
      JsonNode json = c.authenticate(TestServer.token(alice), null);
      AuthOk ok = MessageCodec.newMapper().treeToValue(json, AuthOk.class);
      assertEquals(alice, ok.userId());
      assertEquals(List.of(), ParameterCheck.problems(ok));
      for (SessionParameter p : SessionParameter.values()) {
        if (p != SessionParameter.REPLAY_WINDOW_MS) {
          assertEquals(server.config().number(p), p.readFrom(ok).orElseThrow().doubleValue(), p.path());
        }
      }
      assertNull(ok.signing(), "signing is off unless a signing secret is configured");
      assertTrue(Math.abs(ok.serverTime() - System.currentTimeMillis()) < 5_000);
    }
  }

  @Test
  void everyConnectionGetsItsOwnSessionId() throws Exception {
    String alice = TestServer.user("alice");
    try (TestClient a = TestClient.connect(server.uri()); TestClient b = TestClient.connect(server.uri())) {
      String first = a.authenticate(TestServer.token(alice), null).path("session_id").asText();
      String second = b.authenticate(TestServer.token(alice), null).path("session_id").asText();
      assertNotEquals(first, second);
    }
  }

  @Test
  void badExpiredAndForbiddenTokensGetTheirOwnCodes() throws Exception {
    String alice = TestServer.user("alice");
    assertEquals(4001, refusal(auth("not-a-jwt")));
    assertEquals(4001, refusal(auth(TestServer.token(alice) + "x")));
    assertEquals(4002, refusal(auth(TestServer.expiredToken(alice))));
    assertEquals(4003, refusal(auth(TestServer.forbiddenToken(alice))));
  }

  @Test
  void aTokenWhoseSubIsNotAStringIsClosedWith4001() throws Exception {
    assertEquals(4001, refusal(auth(TestServer.tokenWithSub(12345))));
    assertEquals(4001, refusal(auth(TestServer.tokenWithSub(List.of("alice")))));
  }

  @Test
  void anAuthThatFailsItsSchemaIsClosedWith4001() throws Exception {
    assertEquals(4001, refusal("{\"type\":\"auth\",\"token\":\"x\"}"));
  }

  @Test
  void aMessageBeforeAuthIsClosedWith4005() throws Exception {
    assertEquals(4005, refusal(Messages.ping("p-1")));
    assertEquals(4005, refusal("{\"type\":\"typing\"}"));
  }

  @Test
  void aSecondAuthIsClosedWith4006() throws Exception {
    String alice = TestServer.user("alice");
    try (TestClient c = TestClient.connect(server.uri())) {
      c.authenticate(TestServer.token(alice), null);
      c.send(auth(TestServer.token(alice)));
      assertEquals(4006, c.awaitClose(WAIT).code());
      assertTrue(c.skipped().stream().noneMatch(e -> String.valueOf(e.text()).contains("auth_ok")));
    }
  }

  @Test
  void aConnectionThatNeverAuthenticatesIsClosedWith4004OnTime() throws Exception {
    long timeout = server.config().millis(SessionParameter.AUTH_TIMEOUT_MS);
    try (TestClient c = TestClient.connect(server.uri())) {
      long opened = System.nanoTime();
      TestClient.Closed closed = c.awaitClose(Duration.ofMillis(timeout + 3_000));
      long afterMs = Duration.ofNanos(closed.atNanos() - opened).toMillis();
      assertEquals(4004, closed.code());
      assertTrue(afterMs >= timeout - 100 && afterMs <= timeout + 1_000, "closed after " + afterMs + " ms");
    }
  }

  @Test
  void aTokenInTheUrlDoesNotAuthenticate() throws Exception {
    String alice = TestServer.user("alice");
    URI withToken = URI.create(server.uri() + "?token=" + TestServer.token(alice));
    try (TestClient c = TestClient.connect(withToken)) {
      c.send(auth("wrong"));
      assertEquals(4001, c.awaitClose(WAIT).code());
    }
  }

  private static int refusal(String firstMessage) throws Exception {
    try (TestClient c = TestClient.connect(server.uri())) {
      c.send(firstMessage);
      TestClient.Closed closed = c.awaitClose(WAIT);
      assertTrue(c.skipped().stream().noneMatch(e -> String.valueOf(e.text()).contains("auth_ok")), "no auth_ok before the close");
      assertTrue(closed.reason() != null && !closed.reason().isEmpty(), "a close reason for people");
      return closed.code();
    }
  }
}
