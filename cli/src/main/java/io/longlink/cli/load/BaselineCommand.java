package io.longlink.cli.load;

import io.longlink.cli.ExitCodes;
import io.longlink.cli.Listening;
import io.longlink.cli.UsageException;
import io.longlink.load.baseline.BareServer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code longlink baseline}: the bare Jetty WebSocket stack, for {@code longlink load --bare} to measure the reference server against. */
@Command(
    name = "baseline",
    sortOptions = false,
    description = {"Runs the bare stack the reference server is built on (Jetty 12's WebSocket server, configured the "
        + "same way) doing the least a chat server can: each text frame goes to every connection of the room named in "
        + "the URL (?room=R), the sender's own included; a room of one is an echo. Load it with `longlink load URL "
        + "--bare`, in the same run as the reference server, and divide: what is left is what the protocol and the "
        + "reference server cost. Runs until stopped (Ctrl-C)."},
    footer = {"", "Exit codes: 0 stopped; 2 bad usage or the port is in use; 3 internal error."})
public final class BaselineCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "The address to listen on (default ${DEFAULT-VALUE}): a baseline is for loopback benchmarks.")
  private String host;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "18081",
      description = "The port to listen on, 0 for any free one (default ${DEFAULT-VALUE}).")
  private int port;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65_535) {
      throw new UsageException("--port is " + port + "; give 0-65535 (0 picks a free port)");
    }
    PrintWriter out = spec.commandLine().getOut();
    BareServer server = Listening.start(host, port, () -> BareServer.start(host, port));
    out.println("longlink baseline listening on " + server.uri() + " (pid " + ProcessHandle.current().pid()
        + "); load it with: longlink load " + server.uri() + " --bare --server-pid " + ProcessHandle.current().pid());
    out.flush();
    Listening.untilStopped(server, "baseline-stop");
    return ExitCodes.OK;
  }
}
