package io.longlink.signing;

import io.longlink.model.Chat;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The chat signature of PROTOCOL.md §18: HMAC-SHA256 over the chat's meaningful fields. */
public final class ChatSignature {

  /** Signing keys are 32 bytes. */
  public static final int KEY_BYTES = 32;

  private static final String ALGORITHM = "HmacSHA256";

  private ChatSignature() {}

  /** The signing input: {@code longlink.v1 LF chat LF id LF ts LF to.kind LF to.id LF body}. */
  public static String input(Chat chat) {
    if (chat.ts() == null) {
      throw new IllegalArgumentException("chat " + chat.id() + " has no ts; a signed chat carries the client's clock in ts");
    }
    return "longlink.v1\nchat\n" + chat.id() + "\n" + chat.ts() + "\n" + chat.to().kind().getValue() + "\n"
        + chat.to().id() + "\n" + chat.body();
  }

  /** The {@code sig} value for this chat under this key. */
  public static String sign(byte[] key, Chat chat) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, input(chat)));
  }

  /** Whether the chat carries a {@code ts} and a {@code sig} that matches it under this key. */
  public static boolean verify(byte[] key, Chat chat) {
    if (chat.sig() == null || chat.ts() == null) {
      return false;
    }
    byte[] expected = hmac(key, input(chat));
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(chat.sig());
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
    return MessageDigest.isEqual(expected, given);
  }

  /** A key from its base64url text (padding optional), checked for length. */
  public static byte[] decodeKey(String base64url) {
    byte[] key;
    try {
      key = Base64.getUrlDecoder().decode(base64url.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a signing key is base64url text; this one is not: " + e.getMessage(), e);
    }
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("a signing key is " + KEY_BYTES + " bytes; this one is " + key.length);
    }
    return key;
  }

  /** The key as base64url text without padding. */
  public static String encodeKey(byte[] key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
  }

  /** HMAC-SHA256 of the UTF-8 bytes of {@code text}. */
  public static byte[] hmac(byte[] key, String text) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
    }
  }
}
