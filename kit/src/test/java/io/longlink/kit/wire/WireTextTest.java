package io.longlink.kit.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.model.ChatAck;
import io.longlink.model.ErrorMessage;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WireTextTest {

  /** What a Java record's toString looks like: {@code ChatAck[id=m1, seq=21, …]}. */
  static final Pattern RECORD_TO_STRING = Pattern.compile("\\b[A-Z][A-Za-z]+\\[[a-z][A-Za-z]*=");

  @Test
  void aMessageASawShowsIsTheJsonTheWireCarries() {
    String saw = WireText.of(new ChatAck("m1", 21L, 1_700_000_000_000L, false));
    assertEquals("{\"type\":\"ack\",\"id\":\"m1\",\"seq\":21,\"ts\":1700000000000,\"duplicate\":false}", saw);
    assertFalse(RECORD_TO_STRING.matcher(saw).find(), saw);
  }

  @Test
  void theTestSpotsARecordsToString() {
    ChatAck ack = new ChatAck("m1", 21L, 1L, false);
    assertTrue(RECORD_TO_STRING.matcher(ack.toString()).find(), ack.toString());
    assertFalse(RECORD_TO_STRING.matcher(WireText.of(ack)).find());
    assertFalse(RECORD_TO_STRING.matcher(WireText.of("[LL-ERR-5] code=1")).find());
  }

  @Test
  void anythingElseIsItsText() {
    assertEquals("nothing", WireText.of("nothing"));
    assertEquals(ErrorMessage.class.getSimpleName(), WireText.of(ErrorMessage.class.getSimpleName()));
  }
}
