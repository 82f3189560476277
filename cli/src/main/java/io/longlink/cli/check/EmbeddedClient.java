package io.longlink.cli.check;

import java.nio.file.Path;
import java.util.ArrayList;
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

  /**
   * Every scenario starts a driver JVM, whose start is most of a short scenario's cost: the driver
   * does little work, so the quick compiler and the serial collector serve it, and cost less CPU
   * on a machine the scenarios share. JVM warnings go to standard error: standard output is the
   * driver's event stream (DRIVER.md §2).
   */
  private static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
      "-XX:-UsePerfData", "-Xshare:auto", "-Xlog:disable", "-Xlog:all=warning:stderr");

  private EmbeddedClient() {}

  /** The command that starts the embedded reference client's driver; empty when this JVM cannot tell its own java. */
  static Optional<List<String>> driverCommand() {
    Optional<String> java = ProcessHandle.current().info().command();
    String classPath = System.getProperty("java.class.path", "");
    if (classPath.isEmpty()) {
      return Optional.empty();
    }
    String javaBin = java.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>(List.of(javaBin));
    command.addAll(JVM_FLAGS);
    DriverClassArchive.forDriver(javaBin, classPath, JVM_FLAGS)
        .ifPresent(archive -> command.add("-XX:SharedArchiveFile=" + archive));
    command.addAll(List.of("-cp", classPath, DRIVER_MAIN));
    return Optional.of(List.copyOf(command));
  }
}
