package io.longlink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.cli.Cli.Result;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code longlink check server} without a URL: the packaged features against the embedded reference server. */
class EmbeddedCheckTest {

  @Test
  void theEmbeddedServerPassesAndNeedsNoSecrets() {
    Result result = Cli.run(Cli.packaged(Map.of()), "check", "server", "--rules", "LL-TR-2,LL-HB-2,LL-SEC-4");
    assertEquals(0, result.exit(), result::toString);
    assertTrue(result.out().startsWith("longlink check server ws://127.0.0.1:"), result.out());
    assertTrue(result.out().contains("signing keys derived from the signing secret"), result.out());
    assertTrue(result.out().contains("    PASS         LL-TR-2 "), result.out());
    assertTrue(result.out().contains("    PASS         LL-HB-2 "), result.out());
    assertTrue(result.out().contains("    PASS         LL-SEC-4 "), "the embedded server signs chats, so nothing is skipped:\n" + result.out());
    assertEquals(1, result.out().lines().filter(l -> l.matches("\\s+(PASS|FAIL|SKIP)\\s+LL-HB-2 .*")).count(),
        "a passed rule is printed once, by the summary:\n" + result.out());
  }

  @Test
  void aRuleTheEmbeddedServerBreaksFailsWithItsText() {
    Result result = Cli.run(Cli.packaged(Map.of()), "check", "server", "--violate", "LL-HB-2", "--rules", "LL-HB-2",
        "--verbose");
    assertEquals(1, result.exit(), result::toString);
    assertTrue(result.out().contains("  FAIL  LL-HB-2     Answer every ping"), result.out());
    assertTrue(result.out().contains("          rule      The server MUST answer every `ping` of a session"), result.out());
    assertTrue(result.out().contains("Result: FAILED (exit 1): 1 MUST rule failed: LL-HB-2"), result.out());
    // --verbose: the failed scenario's frames follow its lines, the ping that got no pong among them, tokens redacted.
    assertTrue(result.out().contains("          transcript ("), result.out());
    assertTrue(result.out().contains("alice's connection #1  → {\"type\":\"ping\",\"id\":\"p-1\"}"), result.out());
    assertTrue(result.out().contains("\"token\":\"<token of alice, redacted>\""), result.out());
    assertFalse(result.out().contains("eyJ"), "no JWT on the console");
  }
}
