package io.longlink.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.protocol.SessionParameter;
import io.longlink.server.config.ServerConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ServeCommandTest {

  private static final Map<String, String> ENV = Map.of("LONGLINK_JWT_SECRET", "0123456789abcdef0123456789abcdef");

  private record Run(int exit, String out, String err) {}

  private static Run run(Map<String, String> env, String... args) {
    ServeCommand command = new ServeCommand(env::get);
    CommandLine cli = ServeCommand.commandLine(command);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void flagsAndEnvironmentBecomeTheConfiguration() {
    ServeCommand command = new ServeCommand(ENV::get);
    ServeCommand.commandLine(command).parseArgs("--profile", "fast", "--port", "0", "--heartbeat-interval-ms", "700",
        "--reconnect-jitter", "0.25");
    ServerConfig config = command.config();
    assertEquals(700, config.millis(SessionParameter.HEARTBEAT_INTERVAL_MS));
    assertEquals(0.25, config.number(SessionParameter.RECONNECT_JITTER));
    assertEquals(1_500, config.millis(SessionParameter.HEARTBEAT_TIMEOUT_MS), "the rest comes from the profile");
  }

  @Test
  void badValuesExitWith2AndSayWhatIsAllowed() {
    Run run = run(ENV, "--profile", "turbo", "--port", "0");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("--profile is 'turbo'; use default or fast"), run.err());

    run = run(ENV, "--port", "0", "--max-pending", "lots");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("--max-pending is 'lots'; give a number in 1-10000000"), run.err());
  }

  @Test
  void theBoundsOnConnectionsWithoutASessionAreFlags() {
    ServeCommand command = new ServeCommand(ENV::get);
    ServeCommand.commandLine(command).parseArgs("--max-unauthenticated", "300", "--max-unauthenticated-per-address", "20");
    ServerConfig config = command.config();
    assertEquals(300, config.maxUnauthenticated());
    assertEquals(20, config.maxUnauthenticatedPerAddress());

    Run run = run(ENV, "--port", "0", "--max-unauthenticated", "100", "--max-unauthenticated-per-address", "101");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("--max-unauthenticated-per-address is 101; use 1-100 (at most --max-unauthenticated)"),
        run.err());
  }

  @Test
  void aPortInUseIsOneLineAndExit2() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      Run run = run(ENV, "--host", "127.0.0.1", "--port", "" + port);
      assertEquals(2, run.exit(), run.err());
      assertEquals("longlink serve: port " + port + " on 127.0.0.1 is in use (or not ours to bind); stop what listens "
          + "there, or give --port another port (0 picks a free one)", run.err().strip());
    }
  }

  @Test
  void aRedisThatIsNotThereIsOneLineAndExit2() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = free.getLocalPort();
    }
    Run run = run(ENV, "--port", "0", "--store", "redis://127.0.0.1:" + port);
    assertEquals(2, run.exit(), run.err());
    assertTrue(run.err().startsWith("longlink serve: cannot reach the Redis store at redis://127.0.0.1:" + port), run.err());
    assertTrue(run.err().contains("start redis-server there, or give --store the address of one"), run.err());
    assertEquals(1, run.err().strip().lines().count(), () -> "one line, no stack trace:\n" + run.err());
  }

  @Test
  void aMissingSecretIsExplained() {
    Run run = run(Map.of(), "--port", "0");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("LONGLINK_JWT_SECRET"), run.err());
  }

  /** The shipped server has no way to break a rule: no token bypass, no unsigned chats, no URL tokens. */
  @Test
  void theReferenceServerHasNoOptionToBreakARule() {
    for (String option : new String[] {"--violate", "--list-violations"}) {
      Run run = run(ENV, "--port", "0", option, "LL-AUTH-5");
      assertEquals(2, run.exit(), option);
      assertTrue(run.err().contains("Unknown option") && run.err().contains("'" + option + "'"), run.err());
    }
    for (CommandLine.Model.OptionSpec option : ServeCommand.commandLine().getCommandSpec().options()) {
      String names = String.join(" ", option.names()).toLowerCase(java.util.Locale.ROOT);
      assertTrue(!names.matches(".*(violat|insecure|skip|bypass|unsigned|no-verify|url-token).*"), names);
    }
  }
}
