package io.longlink.server.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static io.longlink.server.testing.ServerExtension.WAIT;

import com.fasterxml.jackson.databind.JsonNode;
import io.longlink.protocol.SessionParameter;
import io.longlink.server.testing.Messages;
import io.longlink.server.testing.RawSocket;
import io.longlink.server.testing.TestClient;
import io.longlink.server.testing.ServerExtension;
import io.longlink.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PROTOCOL.md §14: message size, rate, connections per user. */
class LimitsIT {

  @RegisterExtension
  static final ServerExtension server = ServerExtension.fast();


  /** A chat frame of exactly {@code bytes} bytes. */
  private static String chatOfSize(String to, String id, int bytes) {
    String empty = Messages.chatTo(to, id, "");
    return Messages.chatTo(to, id, "x".repeat(bytes - empty.length()));
  }

  @Test
  void aFrameOfExactlyTheLimitPassesAndOneByteMoreCloses1009() throws Exception {
    int max = (int) server.config().millis(SessionParameter.MAX_MESSAGE_BYTES);
    String bob = TestServer.user("bob");
    try (TestClient a = TestClient.session(server.uri(), TestServer.user("alice"))) {
      a.send(chatOfSize(bob, "big", max));
      assertEquals("big", a.awaitType("ack", WAIT).path("id").asText());
      a.send(chatOfSize(bob, "too-big", max + 1));
      assertEquals(1009, a.awaitClose(WAIT).code());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {200_000, 6_500_000})
  void aClientThatKeepsReadingSeesThe1009OfAFrameFarOverTheLimit(int bytes) throws Exception {
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try (RawSocket raw = RawSocket.open(server.uri(), 65_536)) {
      raw.sendText("{\"type\":\"auth\",\"token\":\"" + TestServer.token(TestServer.user("alice"))
          + "\",\"client\":{\"name\":\"t\",\"version\":\"1\"}}");
      byte[] huge = Messages.ping("x".repeat(bytes)).getBytes(StandardCharsets.US_ASCII);
      Future<?> sent = writer.submit(() -> {
        raw.sendFrame(0x1, huge);
        return null;
      });
      assertEquals(1009, raw.readUntilClose());
      // The server read the whole frame before it dropped the connection, so no TCP reset cut the write short.
      sent.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      writer.shutdownNow();
    }
  }

  @Test
  void theRateLimitRefusesWithoutClosingAndPingsDoNotCount() throws Exception {
    int rate = (int) server.config().millis(SessionParameter.RATE_MESSAGES);
    String bob = TestServer.user("bob");
    try (TestClient a = TestClient.session(server.uri(), TestServer.user("alice"))) {
      for (int i = 0; i < 3 * rate; i++) {
        a.send(Messages.ping("p" + i));
      }
      for (int i = 0; i <= rate; i++) {
        a.send(Messages.chatTo(bob + "-" + i, "rate-" + i, "burst"));
      }
      List<String> acked = new ArrayList<>();
      JsonNode error = null;
      while (acked.size() + (error == null ? 0 : 1) < rate + 1) {
        JsonNode m = a.await(n -> n.path("type").asText().matches("ack|error"), "an ack or error", WAIT);
        if ("ack".equals(m.path("type").asText())) {
          acked.add(m.path("id").asText());
        } else {
          error = m;
        }
      }
      assertEquals(rate, acked.size(), "every chat within the rate is accepted, pings notwithstanding");
      assertEquals("rate_limited", error.path("code").asText());
      assertEquals("rate-" + rate, error.path("ref").asText());
      assertTrue(error.path("retry_after_ms").asLong() > 0);
      a.send(Messages.ping("alive"));
      assertEquals("alive", a.awaitType("pong", WAIT).path("id").asText(), "the connection stays open");
    }
  }

  @Test
  void whenDedupIsFullNewChatsAreRefusedNotForgottenEarly() throws Exception {
    try (TestServer small = TestServer.start(b -> b.maxDedupEntries(1_000).set(SessionParameter.RATE_MESSAGES, 10_000L));
        TestClient a = TestClient.session(small.uri(), TestServer.user("alice"))) {
      for (int i = 0; i < 1_000; i++) {
        a.send(Messages.chatTo(TestServer.user("r"), "d-" + i, "x"));
      }
      for (int i = 0; i < 1_000; i++) {
        a.awaitType("ack", WAIT);
      }
      a.send(Messages.chatTo(TestServer.user("r"), "one-more", "x"));
      JsonNode error = a.awaitType("error", WAIT);
      assertEquals("unavailable", error.path("code").asText());
      assertEquals("one-more", error.path("ref").asText());
      a.send(Messages.chatTo(TestServer.user("r"), "d-0", "x"));
      assertTrue(a.awaitType("ack", WAIT).path("duplicate").asBoolean(), "nothing remembered was forgotten");
    }
  }

  @Test
  void oneConnectionTooManyGetsGoawayAnd4009AndTheOthersStay() throws Exception {
    int max = (int) server.config().millis(SessionParameter.MAX_CONNECTIONS_PER_USER);
    String alice = TestServer.user("alice");
    List<TestClient> sessions = new ArrayList<>();
    try {
      for (int i = 0; i < max; i++) {
        sessions.add(TestClient.session(server.uri(), alice));
      }
      try (TestClient extra = TestClient.connect(server.uri())) {
        extra.send("{\"type\":\"auth\",\"token\":\"" + TestServer.token(alice) + "\",\"client\":{\"name\":\"t\",\"version\":\"1\"}}");
        JsonNode goaway = extra.awaitType("goaway", WAIT);
        assertEquals(4009, goaway.path("code").asInt());
        assertEquals(4009, extra.awaitClose(WAIT).code());
      }
      sessions.get(0).send(Messages.ping("still"));
      assertEquals("still", sessions.get(0).awaitType("pong", WAIT).path("id").asText());
    } finally {
      sessions.forEach(TestClient::close);
    }
  }
}
