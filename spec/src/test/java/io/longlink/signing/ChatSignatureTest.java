package io.longlink.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.codec.MessageCodec;
import io.longlink.model.Chat;
import io.longlink.model.Recipient;
import io.longlink.model.RecipientKind;
import io.longlink.spec.ProtocolDocument;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The signature matches the test vector of PROTOCOL.md §18 and the signed example of asyncapi.yaml. */
class ChatSignatureTest {

  private static final byte[] KEY = "longlink-test-key-00000000000000".getBytes(StandardCharsets.US_ASCII);

  private static Chat vectorChat() {
    for (ProtocolDocument.Example e : ProtocolDocument.load().jsonExamples()) {
      if (e.json().contains("\"sig\"")) {
        return (Chat) MessageCodec.create().decodeClientMessage(e.json()).message();
      }
    }
    throw new AssertionError("PROTOCOL.md has no signed chat example");
  }

  @Test
  void theProtocolTestVectorVerifies() {
    Chat chat = vectorChat();
    assertEquals("m-1", chat.id());
    assertEquals(ChatSignature.sign(KEY, chat), chat.sig());
    assertTrue(ChatSignature.verify(KEY, chat));
  }

  @Test
  void theDocumentedKeyTextDecodesToTheKey() {
    assertTrue(ProtocolDocument.load().text().contains(ChatSignature.encodeKey(KEY)));
    assertEquals(new String(KEY, StandardCharsets.US_ASCII),
        new String(ChatSignature.decodeKey(ChatSignature.encodeKey(KEY)), StandardCharsets.US_ASCII));
  }

  @Test
  void theSignedAsyncApiExampleVerifies() {
    var examples = io.longlink.schema.MessageCatalog.asyncApiDocument().at("/components/messages/chat/examples");
    int signed = 0;
    for (var example : examples) {
      if (example.at("/payload/sig").isTextual()) {
        Chat chat = (Chat) MessageCodec.create().decodeClientMessage(example.path("payload").toString()).message();
        assertTrue(ChatSignature.verify(KEY, chat), example.path("name").asText());
        signed++;
      }
    }
    assertEquals(1, signed);
  }

  @Test
  void anyChangedFieldBreaksTheSignature() {
    Chat chat = vectorChat();
    Recipient to = chat.to();
    assertFalse(ChatSignature.verify(KEY, new Chat(chat.id(), to, "hi bob!", chat.ts(), chat.sig())));
    assertFalse(ChatSignature.verify(KEY, new Chat(chat.id(), to, chat.body(), chat.ts() + 1, chat.sig())));
    assertFalse(ChatSignature.verify(KEY, new Chat(chat.id(), new Recipient(RecipientKind.ROOM, "bob"), chat.body(), chat.ts(), chat.sig())));
    assertFalse(ChatSignature.verify(KEY, new Chat("m-2", to, chat.body(), chat.ts(), chat.sig())));
    assertFalse(ChatSignature.verify(KEY, new Chat(chat.id(), to, chat.body(), chat.ts(), null)));
    assertFalse(ChatSignature.verify(KEY, new Chat(chat.id(), to, chat.body(), chat.ts(), "!!notbase64!!")));
  }

  @Test
  void keysAreCheckedForLength() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChatSignature.decodeKey("c2hvcnQ"));
    assertTrue(e.getMessage().contains("32 bytes"), e.getMessage());
  }
}
