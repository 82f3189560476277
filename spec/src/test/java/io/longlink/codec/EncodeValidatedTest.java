package io.longlink.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.longlink.model.AuthOk;
import io.longlink.model.Chat;
import io.longlink.model.ClientMessage;
import io.longlink.model.Recipient;
import io.longlink.model.RecipientKind;
import io.longlink.model.ServerMessage;
import io.longlink.schema.Direction;
import io.longlink.schema.SchemaViolation;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** encodeValidated writes what encode writes, and refuses a message its receiver would refuse. */
class EncodeValidatedTest {

  private final MessageCodec codec = MessageCodec.create();
  private final ObjectMapper mapper = MessageCodec.newMapper();
  private static final Recipient BOB = Recipient.of(RecipientKind.USER, "bob");

  @TestFactory
  Stream<DynamicTest> everyExampleEncodesValidatedAsEncodeWritesIt() {
    return RoundTripTest.samples().stream().map(s -> DynamicTest.dynamicTest(
        s.definition().direction() + " " + s.definition().type() + " (" + s.example() + ")", () -> {
          String text = mapper.writeValueAsString(s.payload());
          if (s.definition().direction() == Direction.CLIENT_TO_SERVER) {
            ClientMessage message = codec.decodeClientMessage(text).message();
            assertEquals(codec.encode(message), codec.encodeValidated(message));
          } else {
            ServerMessage message = codec.decodeServerMessage(text).message();
            assertEquals(codec.encode(message), codec.encodeValidated(message));
          }
        }));
  }

  @Test
  void anEmptyBodyIsRefusedNamingItsPointerAndRule() {
    InvalidMessageException e = assertThrows(InvalidMessageException.class,
        () -> codec.encodeValidated(Chat.of("m1", BOB, "")));
    assertEquals("chat", e.type());
    SchemaViolation first = e.violations().get(0);
    assertEquals("/body", first.pointer());
    assertEquals("minLength", first.keyword());
    assertTrue(e.getMessage().startsWith("invalid chat message, not encoded: /body breaks \"minLength\": "), e.getMessage());
  }

  @Test
  void aRequiredMemberLeftNullIsNamed() {
    // The canonical constructor lets it through; the record writes "to": null, which is no recipient.
    InvalidMessageException e = assertThrows(InvalidMessageException.class,
        () -> codec.encodeValidated(new Chat("m1", null, "hi", null, null)));
    assertEquals("/to", e.violations().get(0).pointer());
    assertEquals("type", e.violations().get(0).keyword());
  }

  @Test
  void aNestedMemberIsNamedByItsFullPointer() {
    InvalidMessageException e = assertThrows(InvalidMessageException.class,
        () -> codec.encodeValidated(Chat.of("m1", Recipient.of(RecipientKind.ROOM, "has space"), "hi")));
    assertEquals("/to/id", e.violations().get(0).pointer());
    assertEquals("pattern", e.violations().get(0).keyword());
  }

  @Test
  void everyViolationIsListedAndTheMessageCountsTheRest() {
    InvalidMessageException e = assertThrows(InvalidMessageException.class,
        () -> codec.encodeValidated(Chat.of("no spaces in ids", BOB, "").withSig("short")));
    assertEquals(3, e.violations().size(), e.violations().toString());
    assertTrue(e.getMessage().endsWith("(and 2 more)"), e.getMessage());
  }

  @Test
  void aStringThatIsNotUnicodeTextIsRefused() {
    InvalidMessageException e = assertThrows(InvalidMessageException.class,
        () -> codec.encodeValidated(Chat.of("m1", BOB, "half a pair \ud800")));
    assertEquals("/body", e.violations().get(0).pointer());
    assertNull(e.violations().get(0).keyword());
  }

  @Test
  void aServerMessageIsCheckedAgainstItsOwnSchema() {
    AuthOk ok = authOk().dedupWindowMs(-1L).build();
    InvalidMessageException e = assertThrows(InvalidMessageException.class, () -> codec.encodeValidated(ok));
    assertEquals("auth_ok", e.type());
    assertEquals("/dedup_window_ms", e.violations().get(0).pointer());
    assertEquals("minimum", e.violations().get(0).keyword());
  }

  @Test
  void plainEncodeStillWritesWhatItIsGiven() {
    assertEquals("{\"type\":\"chat\",\"id\":\"m1\",\"to\":{\"kind\":\"user\",\"id\":\"bob\"},\"body\":\"\"}",
        codec.encode(Chat.of("m1", BOB, "")));
  }

  private static AuthOk.Builder authOk() {
    return AuthOk.builder()
        .sessionId("s1").userId("alice").serverTime(1L).epoch("e1").dedupWindowMs(300_000L)
        .heartbeat(io.longlink.model.HeartbeatPolicy.of(25_000L, 60_000L))
        .reconnect(io.longlink.model.ReconnectPolicy.of(500L, 2.0, 30_000L, 0.2))
        .limits(io.longlink.model.Limits.builder().maxMessageBytes(65_536L).rateMessages(100L).rateWindowMs(1_000L)
            .maxConnectionsPerUser(5L).authTimeoutMs(10_000L).build())
        .delivery(io.longlink.model.DeliveryPolicy.of(10_000L, 1_000L, 1_048_576L));
  }
}
