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
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

  /** A ping whose unknown member {@code x} nests arrays so that the deepest one is at {@code depth} (the ping is 1). */
  private static String pingNestedTo(int depth) {
    return "{\"type\":\"ping\",\"id\":\"deep\",\"x\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}";
  }

  private static String pingWithNumber(String literal) {
    return "{\"type\":\"ping\",\"id\":\"num\",\"x\":" + literal + "}";
  }

  @Test
  void unknownMembersWithinTheReadingLimitsAreIgnored() throws Exception {
    String longName = "n".repeat(60_000);
    for (String frame : List.of(pingNestedTo(64), pingWithNumber("9".repeat(64)), pingWithNumber("-" + "9".repeat(63)),
        pingWithNumber("-1." + "5".repeat(55) + "e+123"), "{\"type\":\"ping\",\"id\":\"num\",\"" + longName + "\":1}")) {
      try (TestClient c = TestClient.session(server.uri(), TestServer.user("alice"))) {
        c.send(frame);
        assertTrue(c.awaitType("pong", WAIT).has("id"), frame.length() > 200 ? frame.substring(0, 200) : frame);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {65, 1_001})
  void aFrameNestedDeeperThanTheBoundCloses4008(int depth) throws Exception {
    try (TestClient c = TestClient.session(server.uri(), TestServer.user("alice"))) {
      c.send(pingNestedTo(depth));
      TestClient.Closed closed = c.awaitClose(WAIT);
      assertEquals(4008, closed.code());
      assertTrue(closed.reason().contains("64"), closed.reason());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"65", "-64", "1001"})
  void aNumberLiteralLongerThanTheBoundCloses4008(String digits) throws Exception {
    int count = Math.abs(Integer.parseInt(digits));
    String literal = (digits.startsWith("-") ? "-" : "") + "7".repeat(count);
    try (TestClient c = TestClient.session(server.uri(), TestServer.user("alice"))) {
      c.send(pingWithNumber(literal));
      TestClient.Closed closed = c.awaitClose(WAIT);
      assertEquals(4008, closed.code());
      assertTrue(closed.reason().contains("64"), closed.reason());
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"type\":\"chat\",\"id\":\"lone-1\",\"to\":{\"kind\":\"user\",\"id\":\"BOB\"},\"body\":\"a\\ud800b\"}|/body",
      "{\"type\":\"chat\",\"id\":\"lone-2\",\"to\":{\"kind\":\"user\",\"id\":\"BOB\"},\"body\":\"\\udc00\"}|/body",
      "{\"type\":\"chat\",\"id\":\"lone-3\",\"to\":{\"kind\":\"user\",\"id\":\"BOB\\ud800\"},\"body\":\"hi\"}|/to/id",
      "{\"type\":\"chat\",\"id\":\"lone-4\",\"to\":{\"kind\":\"user\",\"id\":\"BOB\"},\"body\":\"hi\",\"x\":[\"\\ud800\"]}|/x/0"})
  void aStringWithAnUnpairedSurrogateGetsInvalidMessageWithPointerAndIsNotDelivered(String template, String pointer)
      throws Exception {
    String bob = TestServer.user("bob");
    try (TestClient c = TestClient.session(server.uri(), TestServer.user("alice"));
        TestClient b = TestClient.session(server.uri(), bob)) {
      c.send(template.replace("BOB", bob));
      JsonNode error = c.awaitType("error", WAIT);
      assertEquals("invalid_message", error.path("code").asText(), error.toString());
      assertEquals(pointer, error.path("pointer").asText(), error.toString());
      assertTrue(error.path("ref").asText().startsWith("lone-"), error.toString());
      assertTrue(error.path("message").asText().contains("surrogate"), error.toString());
      c.expectNone(m -> "ack".equals(m.path("type").asText()), "an ack of the refused chat", Duration.ofMillis(300));
      b.expectNone(m -> "chat".equals(m.path("type").asText()), "a delivery of the refused chat", Duration.ofMillis(300));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"type\":\"ping\",\"\\ud800\":1}", "{\"type\":\"ping\",\"x\":{\"a\\udc00\":1}}"})
  void anUnpairedSurrogateInAMemberNameMakesTheFrameUnreadable(String frame) throws Exception {
    try (TestClient c = TestClient.session(server.uri(), TestServer.user("alice"))) {
      c.send(frame);
      assertEquals(4008, c.awaitClose(WAIT).code());
    }
  }

  @Test
  void aPairedSurrogateIsOneCharacterAndIsDeliveredAsSent() throws Exception {
    String bob = TestServer.user("bob");
    try (TestClient c = TestClient.session(server.uri(), TestServer.user("alice"));
        TestClient b = TestClient.session(server.uri(), bob)) {
      c.send(Messages.chatTo(bob, "pair-1", "smile \\ud83d\\ude00"));
      assertEquals("pair-1", c.awaitType("ack", WAIT).path("id").asText());
      assertEquals("smile \ud83d\ude00", b.awaitType("chat", WAIT).path("body").asText());
    }
  }

  @Test
  void anAuthWithAnUnpairedSurrogateIsClosedWith4001() throws Exception {
    try (TestClient c = TestClient.connect(server.uri())) {
      c.send("{\"type\":\"auth\",\"token\":\"" + TestServer.token(TestServer.user("alice"))
          + "\",\"client\":{\"name\":\"t\\ud800\",\"version\":\"1\"}}");
      assertEquals(4001, c.awaitClose(WAIT).code());
      assertTrue(c.skipped().stream().noneMatch(e -> String.valueOf(e.text()).contains("auth_ok")), "no auth_ok");
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
