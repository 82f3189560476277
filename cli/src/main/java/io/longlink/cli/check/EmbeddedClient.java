package io.longlink.cli.check;

import java.util.List;
import java.util.Optional;

/**
 * The hook for checking the reference client that ships with longlink, through its driver, when
 * {@code check client} gets no {@code --driver}. The reference client and its driver are merged
 * separately; until then there is no embedded driver and {@code check client} asks for one.
 */
final class EmbeddedClient {

  /** The main class of the reference client's driver, run as {@code java -cp <this jar> DRIVER_MAIN}. */
  static final String DRIVER_MAIN = "io.longlink.client.driver.DriverMain";

  private EmbeddedClient() {}

  /** The command that starts the embedded reference client's driver; empty while there is none to start. */
  static Optional<List<String>> driverCommand() {
    return Optional.empty();
  }
}
