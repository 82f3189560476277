package io.longlink.kit.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.longlink.client.driver.fault.Violation;
import io.longlink.kit.client.testing.ClientRuns;
import io.longlink.kit.run.Discovery;
import io.longlink.kit.run.RuleStatus;
import io.longlink.kit.run.RunReport;
import io.longlink.kit.run.ScenarioStatus;
import io.longlink.rules.Level;
import io.longlink.rules.Rule;
import io.longlink.rules.Side;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Proof that every client check can fail: the kit passes the reference Java client, and fails it,
 * naming the rule, whenever its driver breaks one rule on purpose ({@code --violate RULE}). Each
 * switch runs with its own rule and the rules of its cascades only, so that a run takes seconds;
 * the slow proof on the full suite, which finds cascades missing from {@link
 * ClientExpectedCascades}, is scripts/client-violation-proof.sh. A switch whose rule has no client
 * scenario yet is skipped, naming the rule: it joins the proof as soon as its scenario lands.
 */
class ClientViolationProofIT {

  private static final String DRIVER_MAIN = "io.longlink.client.driver.DriverMain";

  /** Client rules the kit checks that the reference client has no switch for, and why. */
  private static final Map<String, String> NO_SWITCH = Map.of();

  /**
   * Client rules whose broken scenario leaves no wire transcript, and why: their failure rests on
   * what the driver reported, which the failure quotes as the driver's JSON.
   */
  private static final Map<String, String> NO_WIRE = Map.of("LL-SEC-1", "a client that breaks it tries "
      + "ws://longlink.invalid, a host that does not resolve: nothing reaches the harness, and the failure quotes "
      + "the driver's connecting state");

  /** -Dproof.switches=LL-TR-1,LL-HB-5 proves only these switches, to try a few on a developer's machine. */
  private static final Set<String> ONLY = Arrays.stream(System.getProperty("proof.switches", "").split(","))
      .map(String::trim).filter(id -> !id.isEmpty()).collect(Collectors.toSet());

  private static final Discovery SCENARIOS = ClientRuns.RUNNER.discoverAll();

  private static boolean hasClientScenario(String ruleId) {
    return SCENARIOS.scenariosFor(ruleId).stream().anyMatch(s -> s.ruleIds().contains(ruleId))
        && ClientRuns.RUNNER.catalog().find(ruleId).map(r -> r.side() == Side.CLIENT).orElse(false);
  }

  private static Set<String> ids(RunReport report, RuleStatus status) {
    return report.withStatus(status).stream().map(v -> v.rule().id()).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void theReferenceClientPassesEveryClientRuleTheKitChecks() {
    RunReport report = ClientRuns.check(ClientRuns.referenceDriver(), List.of(), true, "cproof-clean");
    assertEquals(Set.of(), ids(report, RuleStatus.FAILED), () -> ClientRuns.describe(report));
    assertEquals(0, report.exitCode(), () -> ClientRuns.describe(report));
  }

  @Test
  void everyCheckedClientRuleHasASwitchAndEverySwitchAClientRule() {
    Set<String> checked = ClientRuns.RUNNER.catalog().forSide(Side.CLIENT).stream().map(Rule::id)
        .filter(ClientViolationProofIT::hasClientScenario).filter(id -> !NO_SWITCH.containsKey(id))
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> switches = Arrays.stream(Violation.values()).map(Violation::ruleId).collect(Collectors.toCollection(TreeSet::new));
    Set<String> missing = new TreeSet<>(checked);
    missing.removeAll(switches);
    assertEquals(Set.of(), missing, "client rules the kit checks that the reference client's driver cannot break");
    List<String> strangers = switches.stream().filter(id -> ClientRuns.RUNNER.catalog().find(id)
        .map(r -> r.side() != Side.CLIENT).orElse(true)).toList();
    assertEquals(List.of(), strangers, "switches that name no client rule of PROTOCOL.md");
  }

  @Test
  void theCascadesTableNamesSwitchesAndClientRules() {
    List<String> problems = new ArrayList<>();
    ClientExpectedCascades.all().forEach((rule, cascade) -> {
      if (Violation.of(rule).isEmpty()) {
        problems.add(rule + " has no switch");
      }
      cascade.rules().stream().filter(id -> ClientRuns.RUNNER.catalog().find(id).map(r -> r.side() != Side.CLIENT)
          .orElse(true)).forEach(id -> problems.add(rule + " cascades to " + id + ", not a client rule"));
    });
    assertEquals(List.of(), problems, ClientExpectedCascades.TABLE);
  }

  @TestFactory
  Stream<DynamicTest> theKitCatchesEveryFaultOfTheReferenceClient() {
    return Arrays.stream(Violation.values()).filter(v -> ONLY.isEmpty() || ONLY.contains(v.ruleId())).map(v -> DynamicTest.dynamicTest(v.ruleId() + " " + v.behaviour(), () -> {
      assumeTrue(hasClientScenario(v.ruleId()), () -> v.ruleId() + " has no client scenario in features/client yet: "
          + "its switch is not proven until one lands");
      ExpectedCascades.Cascade cascade = ClientExpectedCascades.of(v.ruleId());
      List<String> selection = new ArrayList<>(List.of(v.ruleId()));
      cascade.rules().stream().filter(ClientViolationProofIT::hasClientScenario).sorted().forEach(selection::add);
      boolean should = ClientRuns.RUNNER.catalog().find(v.ruleId()).orElseThrow().level() == Level.SHOULD;
      RunReport report = ClientRuns.check(ClientRuns.referenceDriver("--violate", v.ruleId()),
          List.of(String.join(",", selection)), should, "cproof");
      Set<String> failed = ids(report, RuleStatus.FAILED);
      assertTrue(failed.contains(v.ruleId()), () -> v.ruleId() + " passed against a client that " + v.behaviour()
          + ": its scenarios cannot fail." + ClientRuns.describe(report));
      Set<String> unexpected = new TreeSet<>(failed);
      unexpected.remove(v.ruleId());
      unexpected.removeAll(cascade.rules());
      assertEquals(Set.of(), unexpected, () -> "breaking " + v.ruleId() + " also failed rules it should not:"
          + ClientRuns.describe(report));
      assertEquals(List.of(), report.driverErrors(), "a switch breaks a rule, never the driver contract");
      assertEquals(1, report.exitCode(), "a failed rule fails the run, a SHOULD rule too when --strict selected it");
      Debuggable.assertDebuggable(report, NO_WIRE.keySet());
    }));
  }

  /**
   * A breach of a rule judged on every connection (the token in the URL, LL-SEC-2) fails that
   * rule with the scenario it showed up in as evidence, and not the rule of that scenario, whose
   * own checks held; unless the run did not select it, when the scenario's rule fails, naming it.
   * The driver runs as a process here, as a client team's does, while the other proofs run it in
   * this JVM as {@code check client} does.
   */
  @Test
  void aStandingRuleBreachFailsThatRuleNotTheScenarios() {
    List<String> driver = ClientRuns.javaDriver(DRIVER_MAIN, "--violate", "LL-SEC-2");
    RunReport both = ClientRuns.check(driver, List.of("LL-SEC-2,LL-RC-4"), false, "cproof-standing");
    assertEquals(RuleStatus.FAILED, ClientRuns.status(both, "LL-SEC-2"), () -> ClientRuns.describe(both));
    assertEquals(RuleStatus.PASSED, ClientRuns.status(both, "LL-RC-4"), () -> ClientRuns.describe(both));
    assertTrue(both.verdict("LL-SEC-2").orElseThrow().scenarios().stream()
        .anyMatch(s -> s.status() == ScenarioStatus.FAILED && s.scenario().ruleIds().contains("LL-RC-4")),
        () -> "LL-SEC-2's evidence should include LL-RC-4's scenario:" + ClientRuns.describe(both));

    RunReport alone = ClientRuns.check(driver, List.of("LL-RC-4"), false, "cproof-standing");
    assertEquals(RuleStatus.FAILED, ClientRuns.status(alone, "LL-RC-4"), () -> ClientRuns.describe(alone));
    assertTrue(alone.verdict("LL-RC-4").orElseThrow().firstFailure().orElseThrow().failure().message()
        .contains("LL-SEC-2"), () -> ClientRuns.describe(alone));
  }
}
