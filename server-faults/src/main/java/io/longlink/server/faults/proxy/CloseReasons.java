package io.longlink.server.faults.proxy;

import io.longlink.protocol.Protocol;
import java.nio.charset.StandardCharsets;

/** Close reasons as the WebSocket stacks take them: at most 123 bytes of UTF-8, never null. */
final class CloseReasons {

  private CloseReasons() {}

  static String fit(String reason) {
    if (reason == null) {
      return "";
    }
    if (reason.getBytes(StandardCharsets.UTF_8).length <= Protocol.MAX_CLOSE_REASON_BYTES) {
      return reason;
    }
    StringBuilder out = new StringBuilder();
    int used = 0;
    for (int i = 0; i < reason.length(); ) {
      int cp = reason.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (used + size > Protocol.MAX_CLOSE_REASON_BYTES) {
        break;
      }
      out.appendCodePoint(cp);
      used += size;
      i += Character.charCount(cp);
    }
    return out.toString();
  }
}
