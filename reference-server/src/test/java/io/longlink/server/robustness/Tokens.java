package io.longlink.server.robustness;

import io.longlink.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** JWTs assembled by hand, so that any header and any claims (a numeric sub, alg none) can be signed or not. */
final class Tokens {

  private Tokens() {}

  static long nowSeconds() {
    return System.currentTimeMillis() / 1_000;
  }

  /** Claims with a valid expiry and the longlink scope, plus {@code more} (raw JSON members, may be empty). */
  static String claims(String subMember, String more) {
    return "{" + subMember + ",\"exp\":" + (nowSeconds() + 3_600) + ",\"scope\":\"longlink\"" + more + "}";
  }

  /** header.claims.signature, signed with {@code macAlgorithm} (e.g. HmacSHA256) and {@code secret}. */
  static String signed(String header, String claims, String macAlgorithm, byte[] secret) {
    String input = b64(header) + "." + b64(claims);
    try {
      Mac mac = Mac.getInstance(macAlgorithm);
      mac.init(new SecretKeySpec(secret, macAlgorithm));
      return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** An HS256 token signed with the server's secret. */
  static String hs256(String claims) {
    return signed("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", claims, "HmacSHA256", TestServer.JWT_SECRET);
  }

  /** header.claims. with no signature at all. */
  static String unsigned(String header, String claims) {
    return b64(header) + "." + b64(claims) + ".";
  }

  static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /** The auth message carrying {@code token}. */
  static String auth(String token) {
    return "{\"type\":\"auth\",\"token\":\"" + token + "\",\"client\":{\"name\":\"hostile-corpus\",\"version\":\"1\"}}";
  }
}
