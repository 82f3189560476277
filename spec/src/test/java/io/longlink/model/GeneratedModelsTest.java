package io.longlink.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.schema.Direction;
import io.longlink.schema.MessageCatalog;
import io.longlink.schema.MessageDefinition;
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
}
