package io.longlink.cli;

import io.longlink.cli.check.CheckCommand;
import io.longlink.cli.load.BaselineCommand;
import io.longlink.cli.load.LoadCommand;
import io.longlink.cli.proxy.ProxyCommand;
import io.longlink.cli.rules.RulesCommand;
import io.longlink.server.cli.ServeCommand;
import io.longlink.server.faults.ViolatingLauncher;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code longlink}: the top command. A new subcommand is one more class in {@code subcommands}
 * below (it reaches the {@link CliContext} through {@code @ParentCommand}), or, for a command
 * built in code, one {@code addSubcommand} in {@link #execute}.
 */
@Command(
    name = "longlink",
    // Every subcommand gets --help and --version too.
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Checks Longlink servers against PROTOCOL.md, rule by rule, and runs the reference server.",
    subcommands = {
        CheckCommand.class,
        RulesCommand.class,
        LoadCommand.class,
        BaselineCommand.class,
        ProxyCommand.class,
        HelpCommand.class,
    },
    footer = {"", "Exit codes: 0 no selected rule failed; 1 one did (with --strict, a SHOULD rule too), or the run broke; "
        + "2 bad usage or unreachable target; 3 internal error."})
public final class LonglinkCommand implements Callable<Integer> {

  private final CliContext context;

  @Spec
  private CommandSpec spec;

  public LonglinkCommand(CliContext context) {
    this.context = context;
  }

  /** Runs one command line and returns its exit code. */
  public static int execute(CliContext context, PrintWriter out, PrintWriter err, String... args) {
    ErrorHandler errors = new ErrorHandler();
    // Subcommands built in code go right after the constructor: the settings below reach only
    // the subcommands present when they are made.
    return new CommandLine(new LonglinkCommand(context))
        .addSubcommand("serve", ServeCommand.commandLine(new ViolatingLauncher()))
        .setOut(out)
        .setErr(err)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setParameterExceptionHandler(errors)
        .setExecutionExceptionHandler(errors)
        .execute(args);
  }

  /** What the commands take from their surroundings. */
  public CliContext context() {
    return context;
  }

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "no command given; use `longlink check server [URL]` to check a "
        + "server (the embedded reference server without a URL), `longlink rules` to list the rules, `longlink serve` "
        + "to run the reference server, `longlink load [URL]` to put a server under load, or `longlink proxy UPSTREAM` to "
        + "break rules in front of a server");
  }
}
