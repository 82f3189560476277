package io.longlink.kit.run;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/** Reading JUnit test plans, where Cucumber scenarios are the tests and features the containers. */
final class TestPlans {

  private TestPlans() {}

  /** Every test of the plan: one per scenario, one per example row of an outline. */
  static List<TestIdentifier> tests(TestPlan plan) {
    List<TestIdentifier> tests = new ArrayList<>();
    for (TestIdentifier root : plan.getRoots()) {
      plan.getDescendants(root).stream().filter(TestIdentifier::isTest).forEach(tests::add);
    }
    return tests;
  }

  /** The scenarios of the plan. */
  static List<ScenarioRef> scenarios(TestPlan plan) {
    return tests(plan).stream().map(ScenarioRef::of).toList();
  }
}
