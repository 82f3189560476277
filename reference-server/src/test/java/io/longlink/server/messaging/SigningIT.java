package io.longlink.server.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import static io.longlink.server.testing.ServerExtension.WAIT;

import com.fasterxml.jackson.databind.JsonNode;
import io.longlink.codec.MessageCodec;
import io.longlink.model.Chat;
import io.longlink.model.Recipient;
import io.longlink.model.RecipientKind;
import io.longlink.protocol.SessionParameter;
import io.longlink.server.testing.TestClient;
import io.longlink.server.testing.ServerExtension;
import io.longlink.server.testing.TestServer;
import io.longlink.signing.ChatSignature;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PROTOCOL.md §18: with signing on, only chats signed with the user's key and a fresh ts are accepted. */
class SigningIT {

  static final MessageCodec CODEC = MessageCodec.create();
  @RegisterExtension
  static final ServerExtension server = ServerExtension.fast(b -> b.signingSecret(TestServer.SIGNING_SECRET));


  private static String signed(String sender, String id, String to, long ts, byte[] key) {
    Chat unsigned = new Chat(id, new Recipient(RecipientKind.USER, to), "signed hello", ts, null);
    return CODEC.encode(new Chat(id, unsigned.to(), unsigned.body(), ts, ChatSignature.sign(key, unsigned)));
  }

  @Test
  void authOkAdvertisesSigning() throws Exception {
    try (TestClient c = TestClient.connect(server.uri())) {
      JsonNode ok = c.authenticate(TestServer.token(TestServer.user("alice")), null);
      assertEquals("HMAC-SHA256", ok.path("signing").path("alg").asText());
      assertEquals(server.config().millis(SessionParameter.REPLAY_WINDOW_MS), ok.path("signing").path("replay_window_ms").asLong());
    }
  }

  @Test
  void aCorrectlySignedChatIsAccepted() throws Exception {
    String alice = TestServer.user("alice");
    try (TestClient a = TestClient.session(server.uri(), alice)) {
      a.send(signed(alice, "s-1", "bob", System.currentTimeMillis(), TestServer.signingKey(alice)));
      assertFalse(a.awaitType("ack", WAIT).path("duplicate").asBoolean());
    }
  }

  @Test
  void unsignedAndWronglySignedChatsAreRefused() throws Exception {
    String alice = TestServer.user("alice");
    try (TestClient a = TestClient.session(server.uri(), alice)) {
      a.send("{\"type\":\"chat\",\"id\":\"s-2\",\"to\":{\"kind\":\"user\",\"id\":\"bob\"},\"body\":\"x\"}");
      JsonNode unsigned = a.awaitType("error", WAIT);
      assertEquals("bad_signature", unsigned.path("code").asText());
      assertEquals("s-2", unsigned.path("ref").asText());
      a.send(signed(alice, "s-3", "bob", System.currentTimeMillis(), TestServer.signingKey("someone-else")));
      assertEquals("bad_signature", a.awaitType("error", WAIT).path("code").asText());
    }
  }

  @Test
  void aSignedChatWithAnUnpairedSurrogateIsInvalidNotBadlySigned() throws Exception {
    String alice = TestServer.user("alice");
    try (TestClient a = TestClient.session(server.uri(), alice)) {
      a.send(signed(alice, "s-5", "bob", System.currentTimeMillis(), TestServer.signingKey(alice))
          .replace("signed hello", "signed \\ud800 hello"));
      JsonNode error = a.awaitType("error", WAIT);
      assertEquals("invalid_message", error.path("code").asText(), error.toString());
      assertEquals("/body", error.path("pointer").asText());
    }
  }

  @Test
  void aChatOutsideTheReplayWindowIsRefused() throws Exception {
    String alice = TestServer.user("alice");
    long window = server.config().millis(SessionParameter.REPLAY_WINDOW_MS);
    try (TestClient a = TestClient.session(server.uri(), alice)) {
      a.send(signed(alice, "s-4", "bob", System.currentTimeMillis() - window - 5_000, TestServer.signingKey(alice)));
      JsonNode stale = a.awaitType("error", WAIT);
      assertEquals("stale_message", stale.path("code").asText());
      assertEquals("s-4", stale.path("ref").asText());
    }
  }
}
