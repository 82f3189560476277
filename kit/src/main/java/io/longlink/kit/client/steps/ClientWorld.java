package io.longlink.kit.client.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.longlink.kit.CheckFailure;
import io.longlink.kit.DriverError;
import io.longlink.kit.NotApplicable;
import io.longlink.kit.client.ClientSettings;
import io.longlink.kit.client.driver.DriverProcess;
import io.longlink.kit.client.harness.HarnessEvent;
import io.longlink.kit.client.harness.HarnessServer;
import io.longlink.kit.client.harness.Recorder;
import io.longlink.kit.client.harness.Script;
import io.longlink.kit.client.harness.SessionParams;
import io.longlink.kit.wire.TranscriptRecorder;
import java.time.Duration;
import java.util.function.IntFunction;

/**
 * The state of one client scenario, shared by its step classes: the harness, the driver, and
 * the parameters the harness advertises. Cucumber makes one per scenario.
 */
public final class ClientWorld {

  private final ClientSettings settings = ClientSettings.current();
  private final String token = "kit-token-" + Long.toString(System.nanoTime(), 36);
  private String scenario = "a client scenario";
  private HarnessServer harness;
  private DriverProcess driver;
  private SessionParams params = SessionParams.fast();

  void begin(String scenarioName) {
    this.scenario = scenarioName;
    harness = new HarnessServer().start();
    harness.forbidInUrl(token);
    TranscriptRecorder.current().name(token, "the client's token");
    plan(n -> Script.answering(params));
  }

  HarnessServer harness() {
    return harness;
  }

  Recorder recorder() {
    return harness.recorder();
  }

  SessionParams params() {
    return params;
  }

  void params(SessionParams params) {
    this.params = params;
  }

  void plan(IntFunction<Script> plan) {
    harness.plan(plan);
  }

  String token() {
    return token;
  }

  /** The driver, taken on first use: a fresh process per scenario, started ahead of it by the run's pool. */
  DriverProcess driver() {
    if (driver == null) {
      try {
        driver = ClientSettings.driverFor(scenario);
      } catch (DriverError e) {
        ClientSettings.driverBroke(e.getMessage());
        throw e;
      }
    }
    return driver;
  }

  /** Skips the scenario when the driver lacks a feature of DRIVER.md §3. */
  void require(String feature) {
    if (!driver().supports(feature)) {
      throw new NotApplicable("the driver does not support " + feature + " (DRIVER.md §3), which this scenario needs");
    }
  }

  /** Sends a command and checks that the driver carried it out. */
  JsonNode carryOut(ObjectNode command) {
    JsonNode result = driver().command(command);
    if (!result.path("type").asText().equals("done")) {
      throw new CheckFailure("the driver to carry out " + command.path("type").asText(), "error " + result);
    }
    return result;
  }

  /** τ of DRIVER.md §9, in ms. */
  long tau() {
    return settings.timingSlack().toMillis();
  }

  static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  /** Milliseconds from one harness event to another. */
  static long between(HarnessEvent from, HarnessEvent to) {
    return (to.nanos() - from.nanos()) / 1_000_000;
  }

  /** Ends the scenario: the driver is killed, the harness stopped; a driver error is remembered for the run. */
  void end() {
    if (driver != null) {
      try {
        driver.checkContract();
      } catch (DriverError e) {
        ClientSettings.driverBroke(e.getMessage());
      } finally {
        driver.close();
      }
    }
    if (harness != null) {
      harness.close();
    }
  }

  DriverProcess startedDriver() {
    return driver;
  }
}
