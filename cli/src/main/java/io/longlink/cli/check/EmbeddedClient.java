package io.longlink.cli.check;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The reference client that ships with longlink, checked through its driver when {@code check
 * client} gets no {@code --driver}: the driver runs in a JVM of its own, on this JVM's class path
 * (the longlink jar itself, or the build's class path in tests).
 */
final class EmbeddedClient {

  /** The main class of the reference client's driver, run as {@code java -cp <this jar> DRIVER_MAIN}. */
  static final String DRIVER_MAIN = "io.longlink.client.driver.DriverMain";

  private EmbeddedClient() {}

  /** The command that starts the embedded reference client's driver; empty when this JVM cannot tell its own java. */
  static Optional<List<String>> driverCommand() {
    Optional<String> java = ProcessHandle.current().info().command();
    String classPath = System.getProperty("java.class.path", "");
    if (classPath.isEmpty()) {
      return Optional.empty();
    }
    String javaBin = java.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    return Optional.of(List.of(javaBin, "-cp", classPath, DRIVER_MAIN));
  }
}
