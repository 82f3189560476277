package io.longlink.server.connection;

import io.longlink.protocol.CloseCode;
import io.longlink.protocol.Protocol;
import java.nio.charset.StandardCharsets;

/** Close reasons that start with the code's name and fit RFC 6455's 123 bytes (LL-CLOSE-2). */
public final class CloseReason {

  private CloseReason() {}

  public static String of(CloseCode code, String detail) {
    return truncate(code.wireName() + ": " + detail);
  }

  /** The reason cut to RFC 6455's 123 bytes of UTF-8 on a character boundary; "" for null. */
  public static String truncate(String reason) {
    if (reason == null) {
      return "";
    }
    byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= Protocol.MAX_CLOSE_REASON_BYTES) {
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
