package io.longlink.server.limits;

/** UTF-8 lengths without encoding: every byte bound of PROTOCOL.md counts UTF-8 bytes. */
public final class Utf8 {

  private Utf8() {}

  /** The number of bytes {@code text} takes in UTF-8, as {@link String#getBytes} writes it (an unpaired surrogate as one '?'). */
  public static int length(String text) {
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        bytes += 1;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
