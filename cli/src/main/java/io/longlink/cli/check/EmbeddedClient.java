package io.longlink.cli.check;

import io.longlink.client.driver.InProcessDriver;
import io.longlink.kit.client.driver.DriverLauncher;
import java.util.List;

/**
 * The reference client that ships with longlink, checked through its driver when {@code check
 * client} gets no {@code --driver}. Its driver runs in this JVM ({@link InProcessDriver}): the
 * same commands and events as {@code java io.longlink.client.driver.DriverMain}, without a JVM
 * start per scenario, which cost about a second of CPU each and was most of a run's work.
 */
final class EmbeddedClient {

  /** How the reports name it. */
  static final String NAME = "the embedded reference Java client (io.longlink.client.driver.DriverMain, in process)";

  private EmbeddedClient() {}

  /** A fresh in-process driver of the reference client per scenario. */
  static DriverLauncher launcher() {
    return new DriverLauncher() {
      @Override
      public Process launch() {
        return InProcessDriver.start(List.of());
      }

      @Override
      public String describe() {
        return NAME;
      }
    };
  }
}
