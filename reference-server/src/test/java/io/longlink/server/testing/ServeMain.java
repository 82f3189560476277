package io.longlink.server.testing;

import io.longlink.server.cli.ServeCommand;

/** {@code longlink serve} without the CLI module, so that tests can run the server as a process of its own. */
public final class ServeMain {

  private ServeMain() {}

  public static void main(String[] args) {
    System.exit(ServeCommand.commandLine().execute(args));
  }
}
