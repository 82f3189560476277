package io.longlink.kit.client.steps;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.longlink.kit.CheckFailure;
import io.longlink.kit.NotApplicable;
import io.longlink.kit.client.ClientSettings;
import io.longlink.kit.client.harness.AttemptOverlap;
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
    ClientSettings.driverError().ifPresent(e -> {
      throw new NotApplicable("not run: the driver broke its contract earlier in this run (" + e + ")");
    });
    world.begin(scenario.getName());
  }

  /**
   * LL-TR-1, LL-TR-5, LL-MSG-4, LL-AUTH-1, LL-SEC-2 and LL-RC-3 hold on every connection of every
   * scenario: a breach fails the scenario it shows up in, naming the rule.
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
      throw new CheckFailure("every connection of the client to keep the rules judged on every connection "
          + "(LL-TR-1, LL-TR-5, LL-MSG-4, LL-AUTH-1, LL-SEC-2, LL-RC-3)", String.join("; ", problems));
    }
  }

  @After(order = 10)
  public void end() {
    world.end();
  }
}
