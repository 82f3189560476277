package io.longlink.kit.settings;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes secrets from text the kit prints or writes: the tokens and signing keys of the run, the
 * secrets they come from, and anything shaped like a JWT. A target may echo a token back (in a
 * close reason, an error message), so what the target said is redacted as well as what the kit
 * says about it.
 */
public final class Redactor {

  /** Placeholder for a secret the run knows. */
  public static final String SECRET = "<secret redacted>";
  /** Placeholder for a JWT the run may not know (one the target made up, or an expired one). */
  public static final String JWT = "<JWT redacted>";

  /** Three base64url parts, the first a JSON object ({@code eyJ} is base64 of <code>{"</code>). */
  private static final Pattern JWT_SHAPE = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*");
  /** Shorter strings are not worth hiding and would blank out ordinary words. */
  private static final int MIN_SECRET_LENGTH = 8;

  private final List<String> secrets;

  private Redactor(List<String> secrets) {
    this.secrets = secrets;
  }

  /** A redactor for these secrets, given as text; null and short entries are ignored. */
  public static Redactor of(Collection<String> secrets) {
    List<String> kept = new ArrayList<>();
    for (String s : secrets) {
      if (s != null && s.length() >= MIN_SECRET_LENGTH && !kept.contains(s)) {
        kept.add(s);
      }
    }
    // Longest first, so that a secret containing another is replaced whole.
    kept.sort(Comparator.comparingInt(String::length).reversed());
    return new Redactor(List.copyOf(kept));
  }

  /** The text forms in which a binary key may appear: base64url with and without padding, base64. */
  public static List<String> textForms(byte[] key) {
    return List.of(Base64.getUrlEncoder().withoutPadding().encodeToString(key),
        Base64.getUrlEncoder().encodeToString(key), Base64.getEncoder().encodeToString(key));
  }

  /** {@code text} with every secret and every JWT-shaped string replaced; null stays null. */
  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, SECRET);
    }
    return JWT_SHAPE.matcher(out).replaceAll(JWT);
  }
}
