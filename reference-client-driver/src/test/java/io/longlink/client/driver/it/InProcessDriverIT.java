package io.longlink.client.driver.it;

/**
 * The flows of {@link DriverIT} with the driver in this JVM ({@link
 * io.longlink.client.driver.InProcessDriver}), as {@code check client} runs the embedded client:
 * the same lines, and an end that drops the client's sockets as a killed process does.
 */
class InProcessDriverIT extends DriverIT {

  @Override
  DriverProcess start() {
    return DriverProcess.inProcess();
  }
}
