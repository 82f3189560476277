package io.longlink.cli;

import io.longlink.kit.run.SelectionException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** The one place where failures become messages and exit codes. */
final class ErrorHandler implements IParameterExceptionHandler, IExecutionExceptionHandler {

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println(name(command) + ": " + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    helpHint(command, err);
    return ExitCodes.USAGE;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
    PrintWriter err = command.getErr();
    if (e instanceof UsageException || e instanceof SelectionException) {
      err.println(name(command) + ": " + e.getMessage());
      helpHint(command, err);
      return ExitCodes.USAGE;
    }
    if (e instanceof TargetUnreachableException) {
      err.println(name(command) + ": " + e.getMessage());
      err.flush();
      return ExitCodes.USAGE;
    }
    err.println(name(command) + ": internal error, nothing was checked; please report it with this output: " + e);
    e.printStackTrace(err);
    err.flush();
    return ExitCodes.INTERNAL;
  }

  private static String name(CommandLine command) {
    return command.getCommandSpec().qualifiedName();
  }

  private static void helpHint(CommandLine command, PrintWriter err) {
    err.println("Run `" + name(command) + " --help` for what it accepts.");
    err.flush();
  }
}
