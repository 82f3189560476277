package io.longlink.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/** {@code java -jar longlink.jar ...}. */
public final class Main {

  // The launcher logs discovery problems of the features on its own; the CLI reports them in
  // its summary. Held here because java.util.logging keeps loggers only weakly.
  private static final Logger LAUNCHER_LOG = Logger.getLogger("org.junit.platform.launcher.core");

  private Main() {}

  public static void main(String[] args) {
    LAUNCHER_LOG.setLevel(Level.OFF);
    if (args.length > 0 && args[0].equals("serve")) {
      // A server's log of connects, auths and closes is what its operator watches; the checks
      // keep the embedded server quiet instead. Set before the first logger exists.
      System.setProperty("org.slf4j.simpleLogger.log.io.longlink.server", "info");
      System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    }
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(LonglinkCommand.execute(CliContext.system(), out, err, args));
  }
}
