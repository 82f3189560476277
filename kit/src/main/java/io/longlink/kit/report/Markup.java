package io.longlink.kit.report;

/**
 * Makes text from servers safe for terminals, XML and HTML. Failure messages quote what a target
 * sent, which can be anything: control characters that no XML parser accepts even when escaped,
 * or terminal escape sequences.
 */
final class Markup {

  private static final char REPLACEMENT = '\uFFFD';

  private Markup() {}

  /** The text with every character XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/F) replaced by U+FFFD. */
  static String xmlSafe(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)) {
        out.append(c);
      } else {
        out.append(REPLACEMENT);
      }
    }
    return out.toString();
  }

  /** The text escaped for HTML element content and quoted attribute values. */
  static String html(String text) {
    String safe = xmlSafe(text);
    StringBuilder out = new StringBuilder(safe.length() + 16);
    for (int i = 0; i < safe.length(); i++) {
      char c = safe.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The text for one terminal line: line breaks and other control characters (escape sequences
   * included) are written as Java escapes, so a target cannot break lines or drive the terminal.
   */
  static String terminal(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        out.append("\\n");
      } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
