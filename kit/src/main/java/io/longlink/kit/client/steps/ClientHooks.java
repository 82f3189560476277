package io.longlink.kit.client.steps;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.longlink.kit.NotApplicable;
import io.longlink.kit.StandingRuleBreach;
import io.longlink.kit.client.ClientSettings;
import io.longlink.kit.client.harness.AttemptOverlap;
import io.longlink.kit.run.StandingRules;
import io.longlink.kit.wire.TranscriptRecorder;
import java.util.ArrayList;
import java.util.List;

/** What every client scenario sets up and checks at its end: the rules judged on every connection. */
public final class ClientHooks {

  /** The harness sees two sockets' events on different threads; this much order noise is forgiven (LL-RC-3). */
  private static final long OVERLAP_GRACE_MS = 100;

  private final ClientWorld world;

  public ClientHooks(ClientWorld world) {
    this.world = world;
  }

  @Before
  public void begin(Scenario scenario) {
    // First: the harness this scenario starts records into it (reports carry a failed scenario's).
    TranscriptRecorder.begin(scenario.getLine());
    ClientSettings.driverError().ifPresent(e -> {
      throw new NotApplicable("not run: the driver broke its contract earlier in this run (" + e + ")");
    });
    world.begin(scenario.getName());
  }

  /**
   * The standing rules of the client ({@link StandingRules#CLIENT}) hold on every connection of
   * every scenario: a breach fails the rule it breaks, with this scenario as the evidence.
   */
  @After(order = 100)
  public void everyConnectionKeptTheRules(Scenario scenario) {
    if (world.harness() == null) {
      return;
    }
    if (world.startedDriver() != null) {
      String stderr = world.startedDriver().stderr();
      if (!stderr.isBlank()) {
        scenario.log("driver stderr:\n" + stderr);
      }
    }
    List<String> problems = new ArrayList<>(world.recorder().problems());
    AttemptOverlap.find(world.recorder().all(), OVERLAP_GRACE_MS).forEach(p -> problems.add("LL-RC-3: " + p));
    if (!problems.isEmpty() && !scenario.isFailed()) {
      List<String> breached = problems.stream().map(p -> p.substring(0, p.indexOf(':'))).distinct().sorted().toList();
      throw new StandingRuleBreach(breached, "every connection of the client to keep the rules judged on every "
          + "connection (" + String.join(", ", breached) + " here)", String.join("; ", problems));
    }
  }

  @After(order = 10)
  public void end() {
    world.end();
  }
}
