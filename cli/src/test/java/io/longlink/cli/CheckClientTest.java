package io.longlink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.cli.Cli.Result;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckClientTest {

  @Test
  void withoutADriverItSaysOneIsNeededAndChecksNothing() {
    Result result = Cli.run(Cli.packaged(Map.of()), "check", "client");
    assertEquals(ExitCodes.USAGE, result.exit(), result::toString);
    assertTrue(result.err().contains("a driver is needed"), result.err());
    assertTrue(result.err().contains("--driver \"node driver.js\""), result.err());
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
}
