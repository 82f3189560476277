package io.longlink.client.driver;

import java.util.Locale;
import java.util.regex.Pattern;

/** Keeps the driver's free texts and codes inside what event.json allows. */
final class Texts {

  private static final Pattern CODE = Pattern.compile("[a-z][a-z_]{0,63}");

  private Texts() {}

  /** {@code text} cut to {@code max} characters, never empty. */
  static String clip(String text, int max) {
    String t = text == null || text.isEmpty() ? "(no message)" : text;
    return t.length() <= max ? t : t.substring(0, max - 3) + "...";
  }

  /** A failure code as event.json's failed.code allows: the server's own when it fits, else a look-alike. */
  static String code(String code) {
    if (code != null && CODE.matcher(code).matches()) {
      return code;
    }
    String cleaned = code == null ? "" : code.toLowerCase(Locale.ROOT).replaceAll("[^a-z_]", "_");
    cleaned = cleaned.replaceFirst("^[^a-z]+", "");
    return cleaned.isEmpty() ? "unknown" : clip(cleaned, 64);
  }
}
