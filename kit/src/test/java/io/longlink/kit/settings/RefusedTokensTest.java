package io.longlink.kit.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RefusedTokensTest {

  private static final JwtTokenSource MINTED = new JwtTokenSource(
      "kit-test-secret-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8), null, null, null);

  @Test
  void givenTokensReplaceTheMintedOnesAndValidTokensStayMinted() {
    RefusedTokens tokens = new RefusedTokens(MINTED, "given-expired", "given-forbidden", true);
    assertEquals(Optional.of("given-expired"), tokens.expiredToken("alice"));
    assertEquals(Optional.of("given-forbidden"), tokens.forbiddenToken("alice"));
    assertNotEquals("given-expired", tokens.token("alice"));
    assertTrue(tokens.token("alice").startsWith("eyJ"), "a minted JWT");
    assertTrue(tokens.secrets().containsAll(List.of("given-expired", "given-forbidden")), "given tokens are redacted");
    assertTrue(tokens.describe().contains("expired token given, forbidden-user token given"), tokens.describe());
  }

  @Test
  void withoutAGivenTokenTheMintedRefusalsAreUsedUnlessForbiddenMintingIsOff() {
    RefusedTokens scope = new RefusedTokens(MINTED, null, null, true);
    assertTrue(scope.forbiddenToken("alice").isPresent());
    assertTrue(scope.expiredToken("alice").isPresent());
    RefusedTokens none = new RefusedTokens(MINTED, null, null, false);
    assertEquals(Optional.empty(), none.forbiddenToken("alice"), "no way to make one: LL-AUTH-7 is skipped");
    assertTrue(none.expiredToken("alice").isPresent());
    assertTrue(none.describe().contains("forbidden-user token none (LL-AUTH-7 is skipped)"), none.describe());
  }
}
