package io.longlink.kit.client.driver;

import java.io.IOException;
import java.util.List;

/**
 * How the kit starts the driver of the client under test: as a process from its command line
 * (DRIVER.md §2), or, for a client that ships inside the kit, in the kit's own JVM. Either way the
 * driver is a {@link Process} whose standard streams carry the contract's lines, and killing it
 * ends its client.
 */
public interface DriverLauncher {

  /** Starts one fresh driver. */
  Process launch() throws IOException;

  /** The client under test as the reports name it: the command line, for a process. */
  String describe();

  /** The driver run as a process from this command line, program first. */
  static DriverLauncher command(List<String> command) {
    List<String> words = List.copyOf(command);
    if (words.isEmpty()) {
      throw new IllegalArgumentException("the driver command is empty; give the program that starts the driver");
    }
    return new DriverLauncher() {
      @Override
      public Process launch() throws IOException {
        return new ProcessBuilder(words).start();
      }

      @Override
      public String describe() {
        return String.join(" ", words);
      }
    };
  }
}
