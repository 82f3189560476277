package io.longlink.server.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.server.cli.ServeCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** serve with the faults' mixin: --violate names a switch, --list-violations lists them all with their rules. */
class ViolatingLauncherTest {

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cli = ServeCommand.commandLine(new ViolatingLauncher());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void listViolationsShowsEachSwitchWithItsRuleTextAndWhereItWorks() {
    Run run = run("--list-violations");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("LL-HB-2  never answers ping\n"), run.out());
    assertTrue(run.out().contains("rule: The server MUST answer every `ping`"), run.out());
    assertTrue(run.out().contains("LL-AUTH-5  accepts tokens it cannot verify  [reference server only]"), run.out());
    assertEquals(Violation.values().length, run.out().lines().filter(l -> l.startsWith("LL-")).count());
  }

  @Test
  void anUnknownSwitchIsAProblemNamedWithTheServersOwn() {
    Run run = run("--port", "0", "--max-pending", "lots", "--violate", "LL-XX-1");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("--max-pending is 'lots'; give a number in 1-10000000"), run.err());
    assertTrue(run.err().contains("--violate LL-XX-1: this server has no switch for that rule; see --list-violations"),
        run.err());
  }

  @Test
  void everySwitchHasAFaultThatKnowsWhereItWorks() {
    long onTheWire = 0;
    for (Violation v : Violation.values()) {
      onTheWire += Faults.onTheWire(v) ? 1 : 0;
    }
    assertTrue(onTheWire > 40 && onTheWire < Violation.values().length, "wire switches: " + onTheWire);
  }
}
