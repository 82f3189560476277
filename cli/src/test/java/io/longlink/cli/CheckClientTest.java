package io.longlink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.cli.Cli.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CheckClientTest {

  @Test
  void withoutADriverItChecksTheEmbeddedReferenceClient() {
    Result result = Cli.run(Cli.packaged(Map.of()), "check", "client", "--rules", "LL-TR-1,LL-SEC-2,LL-RC-5");
    assertEquals(ExitCodes.OK, result.exit(), result::toString);
    assertTrue(result.out().contains("the embedded reference Java client"), result.out());
    assertTrue(result.out().contains("Result: PASSED (exit 0)"), result.out());
  }

  @Test
  void aDriverCommandWithAnUnclosedQuoteIsAUsageError() {
    Result result = Cli.run(Cli.packaged(Map.of()), "check", "client", "--driver", "node 'driver.js");
    assertEquals(ExitCodes.USAGE, result.exit(), result::toString);
    assertTrue(result.err().contains("--driver: the quote ' is never closed"), result.err());
  }

  @Test
  void dryRunListsTheClientScenariosOfTheSelectedRules() {
    Result result = Cli.run(Cli.packaged(Map.of()), "check", "client", "--dry-run", "--rules", "LL-HB-5,LL-RC-2");
    assertEquals(ExitCodes.OK, result.exit(), result::toString);
    assertTrue(result.out().startsWith("Dry run, nothing is sent: 3 scenarios would check MUST client rules in LL-HB-5, "
        + "LL-RC-2 (2 rules)."), result.out());
    assertTrue(result.out().contains("(features/client/reconnect.feature:"), result.out());
  }

  @Test
  void serverRulesCannotBeSelectedForAClientCheck() {
    Result result = Cli.run(Cli.packaged(Map.of()), "check", "client", "--rules", "LL-HB-3", "--driver", "true");
    assertEquals(ExitCodes.USAGE, result.exit(), result::toString);
    assertTrue(result.err().contains("LL-HB-3 binds the server"), result.err());
  }

  /** The kit's toy client driver, on this test's class path (the kit's test jar). */
  private static String[] toy(String... flags) {
    List<String> words = new ArrayList<>(List.of("--",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), "io.longlink.kit.client.testing.ToyClientDriver"));
    words.addAll(List.of(flags));
    return words.toArray(String[]::new);
  }

  private static String[] args(String[] head, String[] tail) {
    return Stream.concat(Arrays.stream(head), Arrays.stream(tail)).toArray(String[]::new);
  }

  @Test
  void aClientThatKeepsTheRuleExitsZeroWithItsCoverageLine() {
    Result result = Cli.run(Cli.packaged(Map.of()), args(new String[] {"check", "client", "--rules", "LL-SEC-1"}, toy()));
    assertEquals(ExitCodes.OK, result.exit(), result::toString);
    assertTrue(result.out().contains("Coverage: 1 of "), result.out());
    assertTrue(result.out().contains(" client rules checked."), result.out());
  }

  @Test
  void aDriverThatBreaksItsContractExitsTwoWithOneLineSayingWhere() {
    Result result = Cli.run(Cli.packaged(Map.of()), args(new String[] {"check", "client", "--rules", "LL-SEC-1"},
        toy("--bad-line")));
    assertEquals(ExitCodes.USAGE, result.exit(), result::toString);
    assertTrue(result.err().startsWith("driver error: stdout line 2 of scenario \""), result.err());
  }
}
