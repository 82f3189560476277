package io.longlink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.cli.Cli.Result;
import io.longlink.protocol.Protocol;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RulesCommandTest {

  @Test
  void listsEveryRuleWithItsText() {
    Result result = Cli.run("rules");
    assertEquals(0, result.exit(), result::toString);
    assertTrue(result.out().contains("LL-HB-3  MUST  server  Heartbeat\n  Close silent clients: 4000\n"
        + "    The server MUST close with code 4000 a session from which it has received no frame for\n"), result.out());
    assertTrue(result.out().endsWith(Cli.CATALOG.all().size() + " rules.\n"), result.out());
  }

  @Test
  void filtersBySideAndRules() {
    Result client = Cli.run("rules", "--side", "client");
    assertTrue(client.out().contains("LL-HB-1  MUST  client"));
    assertFalse(client.out().contains("LL-HB-3"));
    Result one = Cli.run("rules", "--rules", "ll-hb-3");
    assertTrue(one.out().startsWith("LL-HB-3  MUST  server"), one.out());
    assertTrue(one.out().endsWith("\n1 rule.\n"), one.out());
  }

  @Test
  void namesTheScenariosThatCheckARule() {
    Result result = Cli.run(Cli.fixtures(Map.of()), "rules", "--rules", "LL-HB-2");
    assertTrue(result.out().contains("  Scenarios:\n    A ping is answered (fixtures/outcomes/heartbeat.feature:5)\n"
        + "    A second ping is answered too late (fixtures/outcomes/heartbeat.feature:9)\n"), result.out());
  }

  @Test
  void versionNamesTheJarAndTheProtocol() {
    Result result = Cli.run("--version");
    assertEquals(0, result.exit());
    assertEquals("longlink " + io.longlink.kit.KitVersion.get() + "\nLonglink protocol " + Protocol.VERSION + "\n", result.out());
    assertFalse(io.longlink.kit.KitVersion.get().contains("$"), "the build fills in the version");
  }
}
