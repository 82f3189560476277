package io.longlink.server.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Messages of one frame and of many, at and past the byte limit, and UTF-8 split across frames. */
class TextAssemblerTest {

  private static ByteBuffer utf8(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aMessageOfOneFrameIsHandedOverOnce() {
    TextAssembler a = new TextAssembler(100);
    assertEquals(TextAssembler.Step.COMPLETE, a.add(utf8("{\"type\":\"ping\"}"), true));
    assertEquals("{\"type\":\"ping\"}", a.text());
    assertNull(a.text(), "the assembler keeps no reference to a message it handed over");
  }

  @Test
  void fragmentsAreJoinedAndACharacterSplitBetweenThemSurvives() {
    TextAssembler a = new TextAssembler(100);
    byte[] e = "é".getBytes(StandardCharsets.UTF_8);
    assertEquals(TextAssembler.Step.MORE, a.add(ByteBuffer.wrap(new byte[] {'a', e[0]}), false));
    assertEquals(TextAssembler.Step.MORE, a.add(ByteBuffer.wrap(new byte[] {e[1]}), false));
    assertEquals(TextAssembler.Step.COMPLETE, a.add(utf8("z"), true));
    assertEquals("aéz", a.text());
    assertEquals(TextAssembler.Step.COMPLETE, a.add(utf8("next"), true), "the next message starts afresh");
    assertEquals("next", a.text());
  }

  @Test
  void theLimitCountsBytesAcrossFragmentsAndTheRestIsDropped() {
    TextAssembler a = new TextAssembler(4);
    assertEquals(TextAssembler.Step.COMPLETE, a.add(utf8("éé"), true), "4 bytes are at the limit");
    a.text();
    assertEquals(TextAssembler.Step.MORE, a.add(utf8("abc"), false));
    assertEquals(TextAssembler.Step.DISCARDING, a.add(utf8("de"), false));
    assertEquals(TextAssembler.Step.TOO_BIG, a.add(utf8("f"), true));
    assertEquals(TextAssembler.Step.TOO_BIG, a.add(utf8("abcde"), true));
  }

  @Test
  void invalidUtf8IsRefusedAndItsBytesHandedOverOnce() {
    ByteBuffer bad = ByteBuffer.wrap(new byte[] {'a', (byte) 0xC3});
    TextAssembler a = new TextAssembler(100);
    assertEquals(TextAssembler.Step.INVALID_UTF8, a.add(bad.duplicate(), true));
    assertArrayEquals(new byte[] {'a', (byte) 0xC3}, a.invalidBytes());
    assertNull(a.invalidBytes(), "handed over once");
    assertEquals(TextAssembler.Step.COMPLETE, a.add(utf8("ok"), true), "the decoder is reset for the next message");
    assertEquals("ok", a.text());
  }

  @Test
  void anEmptyMessageIsText() {
    TextAssembler a = new TextAssembler(100);
    assertEquals(TextAssembler.Step.COMPLETE, a.add(null, true));
    assertEquals("", a.text());
  }
}
