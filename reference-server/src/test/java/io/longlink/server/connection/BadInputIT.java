package io.longlink.server.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static io.longlink.server.testing.ServerExtension.WAIT;

import com.fasterxml.jackson.databind.JsonNode;
import io.longlink.server.testing.Messages;
import io.longlink.server.testing.RawSocket;
import io.longlink.server.testing.TestClient;
import io.longlink.server.testing.ServerExtension;
import io.longlink.server.testing.TestServer;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PROTOCOL.md §15: every kind of bad input has its outcome, and none of it disturbs anyone else. */
class BadInputIT {

  @RegisterExtension
  static final ServerExtension server = ServerExtension.fast();


  @Test
  void aBinaryFrameCloses1003() throws Exception {
    try (TestClient c = TestClient.session(server.uri(), TestServer.user("alice"))) {
      c.sendBinary(new byte[] {1, 2, 3});
      assertEquals(1003, c.awaitClose(WAIT).code());
    }
  }

  @Test
  void invalidUtf8Closes1007() throws Exception {
    try (RawSocket raw = RawSocket.open(server.uri(), 65_536)) {
      raw.sendFrame(0x1, new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
      assertEquals(1007, raw.readUntilClose());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"hello", "[1,2]", "{\"id\":\"x\"}", "{\"type\":7}", "{\"type\":\"ping\""})
  void anUnreadableFrameCloses4008(String frame) throws Exception {
    try (TestClient c = TestClient.session(server.uri(), TestServer.user("alice"))) {
      c.send(frame);
      assertEquals(4008, c.awaitClose(WAIT).code());
    }
  }

  @Test
  void anUnknownTypeGetsAnErrorAndTheConnectionStays() throws Exception {
    try (TestClient c = TestClient.session(server.uri(), TestServer.user("alice"))) {
      c.send("{\"type\":\"typing\",\"id\":\"t-1\"}");
      JsonNode error = c.awaitType("error", WAIT);
      assertEquals("unknown_type", error.path("code").asText());
      assertEquals("t-1", error.path("ref").asText());
      c.send(Messages.ping("after"));
      assertEquals("after", c.awaitType("pong", WAIT).path("id").asText());
    }
  }

  @Test
  void anInvalidMessageGetsAnErrorNamingTheMemberAndIsNotActedOn() throws Exception {
    String bob = TestServer.user("bob");
    try (TestClient c = TestClient.session(server.uri(), TestServer.user("alice"));
        TestClient b = TestClient.session(server.uri(), bob)) {
      c.send("{\"type\":\"chat\",\"id\":\"bad-1\",\"to\":{\"kind\":\"group\",\"id\":\"" + bob + "\"},\"body\":\"x\"}");
      JsonNode error = c.awaitType("error", WAIT);
      assertEquals("invalid_message", error.path("code").asText());
      assertEquals("bad-1", error.path("ref").asText());
      assertEquals("/to/kind", error.path("pointer").asText());
      assertTrue(error.path("message").asText().contains("/to/kind"), error.toString());
      b.expectNone(m -> "chat".equals(m.path("type").asText()), "a delivery of an invalid chat", Duration.ofMillis(300));
    }
  }

  @Test
  void aFloodOfMalformedFramesDoesNotDisturbAnotherClientsChat() throws Exception {
    String alice = TestServer.user("alice");
    String bob = TestServer.user("bob");
    ExecutorService flooders = Executors.newFixedThreadPool(2);
    try (TestClient a = TestClient.session(server.uri(), alice); TestClient b = TestClient.session(server.uri(), bob)) {
      Future<Integer> flood = flooders.submit(() -> {
        int closes = 0;
        String[] fatal = {"not json", "[]", "{}", "{\"type\":7}"};
        for (int i = 0; i < 60; i++) {
          try (TestClient bad = TestClient.session(server.uri(), TestServer.user("mallory"))) {
            bad.send("{\"type\":\"nope\",\"id\":\"z\"}");
            bad.send("{\"type\":\"chat\",\"id\":\"half\"}");
            bad.awaitType("error", WAIT);
            bad.awaitType("error", WAIT);
            if (i % 5 == 4) {
              bad.sendBinary(new byte[] {0});
            } else {
              bad.send(fatal[i % 4]);
            }
            closes += bad.awaitClose(WAIT).code() > 0 ? 1 : 0;
          }
        }
        return closes;
      });
      for (int i = 0; i < 15; i++) {
        a.send(Messages.chatTo(bob, "calm-" + i, "still here"));
        assertEquals("calm-" + i, a.awaitType("ack", WAIT).path("id").asText());
        JsonNode d = b.awaitType("chat", WAIT);
        assertEquals("calm-" + i, d.path("id").asText());
        b.send(Messages.ack(d.path("seq").asLong()));
      }
      assertEquals(60, flood.get().intValue(), "every flooding connection was closed, none hung");
    } finally {
      flooders.shutdownNow();
    }
  }

  @Test
  void badInputOnOneConnectionLeavesTheUsersOtherConnectionAlone() throws Exception {
    String alice = TestServer.user("alice");
    try (TestClient good = TestClient.session(server.uri(), alice); TestClient bad = TestClient.session(server.uri(), alice)) {
      bad.sendBinary(new byte[] {9});
      assertEquals(1003, bad.awaitClose(WAIT).code());
      good.send(Messages.ping("fine"));
      assertEquals("fine", good.awaitType("pong", WAIT).path("id").asText());
    }
  }
}
