package io.longlink.kit.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

  @Test
  void replacesKnownSecretsAndJwtShapes() {
    Redactor r = Redactor.of(List.of("opaque-token-123"));
    assertEquals("close 4001 <secret redacted> and <JWT redacted>!",
        r.redact("close 4001 opaque-token-123 and eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.abc_-9!"));
  }

  @Test
  void aSecretThatContainsAnotherIsReplacedWhole() {
    Redactor r = Redactor.of(List.of("abcdefgh", "abcdefgh-and-more"));
    assertEquals("<secret redacted>", r.redact("abcdefgh-and-more"));
  }

  @Test
  void shortValuesAndOrdinaryTextAreLeftAlone() {
    Redactor r = Redactor.of(Arrays.asList("secret", null));
    String text = "the signing secret is not shown; eyJ alone is no JWT";
    assertEquals(text, r.redact(text));
    assertNull(r.redact(null));
  }

  @Test
  void aMintingSourceNamesItsSecretsInEveryTextForm() {
    byte[] secret = "jwt-secret-0123456789abcdef0123456789".getBytes(StandardCharsets.UTF_8);
    JwtTokenSource source = new JwtTokenSource(secret, null, null, null);
    Redactor r = Redactor.of(source.secrets());
    String b64 = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    assertEquals("<secret redacted> / <secret redacted>", r.redact(new String(secret, StandardCharsets.UTF_8) + " / " + b64));
    assertEquals("<JWT redacted>", r.redact(source.token("alice")));
  }
}
