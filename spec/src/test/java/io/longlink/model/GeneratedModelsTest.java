package io.longlink.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.schema.Direction;
import io.longlink.schema.MessageCatalog;
import io.longlink.schema.MessageDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generated models: one record per message, in the union of its direction, typed by its schema's const. */
class GeneratedModelsTest {

  @Test
  void everyMessageHasItsOwnRecordInTheRightUnion() throws Exception {
    MessageCatalog catalog = MessageCatalog.load();
    for (Direction d : Direction.values()) {
      Class<?> union = d == Direction.CLIENT_TO_SERVER ? ClientMessage.class : ServerMessage.class;
      for (MessageDefinition def : catalog.messages(d)) {
        assertTrue(def.modelClass().isRecord(), def.modelClass() + " is a record");
        assertTrue(union.isAssignableFrom(def.modelClass()), def.modelClass() + " implements " + union.getSimpleName());
        assertEquals(def.type(), def.modelClass().getField("TYPE").get(null), def.modelClass() + ".TYPE");
      }
    }
  }

  @Test
  void int64FieldsAreNullableLongsSoAMissingValueStaysVisible() throws Exception {
    assertEquals(Long.class, ChatAck.class.getRecordComponents()[1].getType());
    assertEquals(null, new Pong(null, null).ts());
  }

  @Test
  void eachUnionIsSealedAndPermitsExactlyTheRecordsOfItsDirection() {
    MessageCatalog catalog = MessageCatalog.load();
    for (Direction d : Direction.values()) {
      Class<?> union = d == Direction.CLIENT_TO_SERVER ? ClientMessage.class : ServerMessage.class;
      assertTrue(union.isSealed(), union + " is sealed");
      Set<Class<?>> permitted = Set.copyOf(Arrays.asList(union.getPermittedSubclasses()));
      Set<Class<?>> records = catalog.messages(d).stream().map(MessageDefinition::modelClass).collect(Collectors.toSet());
      assertEquals(records, permitted, union.getSimpleName() + " permits");
    }
  }

  @Test
  void aFactoryTakesTheRequiredMembersAndWithSetsAnOptionalOne() {
    Recipient bob = Recipient.of(RecipientKind.USER, "bob");
    assertEquals(new Recipient(RecipientKind.USER, "bob"), bob);
    assertEquals(new Chat("m1", bob, "hi", null, null), Chat.of("m1", bob, "hi"));
    assertEquals(new Chat("m1", bob, "hi", 5L, "s"), Chat.of("m1", bob, "hi").withTs(5L).withSig("s"));
    assertEquals(new Chat("m1", bob, "hi", null, null), Chat.of("m1", bob, "hi").withTs(5L).withTs(null));
    assertEquals(new Ping(null), Ping.of());
    NullPointerException missing = assertThrows(NullPointerException.class, () -> Chat.of("m1", null, "hi"));
    assertEquals("to is required", missing.getMessage());
  }

  @Test
  void aBuilderSetsMembersByNameAndRefusesToBuildWithoutARequiredOne() {
    AuthOk.Builder builder = AuthOk.builder()
        .sessionId("s1").userId("alice").serverTime(1L)
        .heartbeat(HeartbeatPolicy.of(25_000L, 60_000L))
        .reconnect(ReconnectPolicy.of(500L, 2.0, 30_000L, 0.2))
        .limits(Limits.builder().maxMessageBytes(65_536L).rateMessages(100L).rateWindowMs(1_000L)
            .maxConnectionsPerUser(5L).authTimeoutMs(10_000L).build())
        .delivery(DeliveryPolicy.of(10_000L, 1_000L, 1_048_576L))
        .dedupWindowMs(300_000L);
    IllegalStateException missing = assertThrows(IllegalStateException.class, builder::build);
    assertEquals("AuthOk: the required member \"epoch\" is not set", missing.getMessage());
    AuthOk ok = builder.epoch("e1").build();
    assertEquals(null, ok.signing());
    assertEquals(ok, ok.toBuilder().build());
    assertEquals("e2", ok.toBuilder().epoch("e2").build().epoch());
  }

  @Test
  void theRecordsJavadocCarriesTheSchemasDescriptions() throws Exception {
    Path source = Path.of(System.getProperty("longlink.spec.dir", "."),
        "target/generated-sources/modelina/io/longlink/model/Chat.java");
    String chat = Files.readString(source);
    assertTrue(chat.contains("Client -&gt; Server. A chat message to one user or one room."), "the schema's description");
    // chat.json's own description of ts, not defs.json's of every timestamp.
    assertTrue(chat.contains("@param ts The client's clock, corrected by its offset"), "a member's description");
  }
}
