package io.longlink.cli.check;

import io.longlink.cli.CliContext;
import io.longlink.cli.LonglinkCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code longlink check}: what to check comes next, a server or a client. */
@Command(
    name = "check",
    description = "Checks an implementation against PROTOCOL.md.",
    subcommands = {CheckServerCommand.class, CheckClientCommand.class})
public final class CheckCommand implements Callable<Integer> {

  @ParentCommand
  private LonglinkCommand parent;

  @Spec
  private CommandSpec spec;

  CliContext context() {
    return parent.context();
  }

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "say what to check: `longlink check server URL` or `longlink check client --driver CMD`");
  }
}
