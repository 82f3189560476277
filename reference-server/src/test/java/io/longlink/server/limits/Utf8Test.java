package io.longlink.server.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {

  @Test
  void countsWhatTheEncoderWrites() {
    for (String s : new String[] {"", "ascii", "\u00e9t\u00e9", "\u4e2d\u6587", "\ud83d\ude00 emoji", "lone \ud83d high"}) {
      assertEquals(s.getBytes(StandardCharsets.UTF_8).length, Utf8.length(s), s);
    }
  }
}
