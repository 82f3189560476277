package io.longlink.client.driver;

import io.longlink.client.driver.fault.Violation;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The conformance driver of the reference client (spec/DRIVER.md): commands as JSON lines on
 * standard input, events as JSON lines on standard output, logs on standard error.
 *
 * <pre>
 * java -cp ... io.longlink.client.driver.DriverMain [--violate LL-XX-n]... [--list-violations]
 * </pre>
 *
 * {@code --violate} builds the client with the fault of that rule ({@link Violation}), for
 * proving the kit's checks; it can be repeated. {@link InProcessDriver} runs the same driver in
 * the caller's JVM.
 */
public final class DriverMain {

  private static final int USAGE = 2;

  private DriverMain() {}

  public static void main(String[] args) throws IOException {
    // Standard output carries events only: anything a library prints goes to standard error.
    PrintStream lines = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    System.setOut(System.err);
    if (List.of(args).contains("--list-violations")) {
      for (Violation v : Violation.values()) {
        lines.println(v.ruleId() + "\t" + v.behaviour());
      }
      lines.flush();
      System.exit(0);
    }
    List<Violation> violations;
    try {
      violations = DriverArguments.violations(List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println("longlink driver: " + e.getMessage());
      System.exit(USAGE);
      return;
    }
    new DriverRuntime(violations, lines, System.err).serve(System.in);
    // The end of the client is the end of the process: sockets drop without a close frame, as when an app is killed.
    System.exit(0);
  }
}
