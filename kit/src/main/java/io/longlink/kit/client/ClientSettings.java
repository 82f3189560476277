package io.longlink.kit.client;

import io.longlink.kit.client.driver.DriverLauncher;
import io.longlink.kit.client.driver.DriverPool;
import io.longlink.kit.client.driver.DriverProcess;
import io.longlink.kit.settings.KitSettings;
import io.longlink.kit.settings.TokenSource;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a client check needs: how to start the driver of the client under test, and the tolerance
 * for lateness. The caller installs it before the run; the client steps read it. It also carries
 * the run's first driver error, after which no scenario starts a driver again.
 *
 * @param driver starts the driver: its command line, or the embedded client in process
 * @param timingSlack τ of DRIVER.md §9, added to every upper bound
 */
public record ClientSettings(DriverLauncher driver, Duration timingSlack) {

  private static final AtomicReference<ClientSettings> CURRENT = new AtomicReference<>();

  private static final AtomicReference<String> BROKEN = new AtomicReference<>();

  private static final AtomicReference<DriverPool> DRIVERS = new AtomicReference<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ClientSettings::endRun, "driver-spares-kill"));
  }

  public ClientSettings {
    Objects.requireNonNull(driver, "driver");
    Objects.requireNonNull(timingSlack, "timingSlack");
  }

  /** The driver run as a process from this command line, program first. */
  public ClientSettings(List<String> driverCommand, Duration timingSlack) {
    this(DriverLauncher.command(driverCommand), timingSlack);
  }

  /** Makes these the settings of the client scenarios about to run, with no driver error yet. */
  public static void install(ClientSettings settings) {
    CURRENT.set(Objects.requireNonNull(settings));
    BROKEN.set(null);
    DriverPool previous = DRIVERS.getAndSet(new DriverPool(settings.driver(), settings.timingSlack()));
    if (previous != null) {
      previous.close();
    }
  }

  /** Ends the run of the installed settings: the drivers started ahead of scenarios that did not come are killed. */
  public static void endRun() {
    DriverPool pool = DRIVERS.getAndSet(null);
    if (pool != null) {
      pool.close();
    }
  }

  /** A started driver for this scenario, from the installed run's pool. */
  public static DriverProcess driverFor(String scenario) {
    DriverPool pool = DRIVERS.get();
    if (pool == null) {
      throw new IllegalStateException("no run: install the client settings before a scenario starts a driver");
    }
    return pool.take(scenario);
  }

  public static ClientSettings current() {
    ClientSettings settings = CURRENT.get();
    if (settings == null) {
      throw new IllegalStateException("no driver: run the client features through `longlink check client`, which "
          + "installs the client settings first");
    }
    return settings;
  }

  /** Records the run's first driver error. */
  public static void driverBroke(String message) {
    BROKEN.compareAndSet(null, message);
  }

  /** The run's first driver error, if any. */
  public static Optional<String> driverError() {
    return Optional.ofNullable(BROKEN.get());
  }

  /** The settings the run's reports show: the driver stands where a server check shows its URL. */
  public KitSettings reportSettings(String runId) {
    URI target = URI.create("driver:" + URLEncoder.encode(driver.describe(),
        StandardCharsets.UTF_8).replace("+", "%20"));
    return new KitSettings(target, new HarnessTokens(), Map.of(), false, null, timingSlack, 1000, 100_000, runId);
  }

  /** The harness issues its own tokens; the client gets them in {@code connect}. */
  private static final class HarnessTokens implements TokenSource {
    @Override
    public String token(String user) {
      return "kit-token-" + user;
    }

    @Override
    public Optional<String> expiredToken(String user) {
      return Optional.empty();
    }

    @Override
    public Optional<String> forbiddenToken(String user) {
      return Optional.empty();
    }

    @Override
    public Optional<byte[]> signingKey(String user) {
      return Optional.empty();
    }

    /** Every scenario plays against a harness of its own: no server state is shared, so scenarios may run at once. */
    @Override
    public boolean uniqueUsers() {
      return true;
    }

    @Override
    public List<String> secrets() {
      return List.of();
    }

    @Override
    public String describe() {
      return "tokens the client harness issues and hands to the driver in connect";
    }
  }
}
