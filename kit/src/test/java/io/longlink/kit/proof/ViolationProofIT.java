package io.longlink.kit.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.kit.run.ConformanceRunner;
import io.longlink.kit.run.RuleListener;
import io.longlink.kit.run.RuleSelection;
import io.longlink.kit.run.RuleStatus;
import io.longlink.kit.run.RuleVerdict;
import io.longlink.kit.run.RunReport;
import io.longlink.kit.run.ScenarioStatus;
import io.longlink.kit.settings.JwtTokenSource;
import io.longlink.kit.settings.KitSettings;
import io.longlink.rules.Level;
import io.longlink.rules.Side;
import io.longlink.server.LonglinkServer;
import io.longlink.server.config.Profile;
import io.longlink.server.config.ServerConfig;
import io.longlink.server.faults.FaultyServer;
import io.longlink.server.faults.Violation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Proof that every check can fail: the kit passes the reference server, and fails it, naming the
 * rule, whenever the server breaks one rule on purpose. Any other rule that fails along is listed
 * in {@link ExpectedCascades} with the reason.
 */
class ViolationProofIT {

  private static final byte[] JWT_SECRET = "proof-jwt-secret-0123456789abcdefgh".getBytes(StandardCharsets.UTF_8);
  private static final byte[] SIGNING_SECRET = "proof-signing-secret-0123456789abc".getBytes(StandardCharsets.UTF_8);
  private static final ConformanceRunner RUNNER = ConformanceRunner.builder().build();

  private static RunReport check(Violation violation, boolean strict) throws Exception {
    return check(violation, RuleSelection.of(RUNNER.catalog(), List.of(), null, strict));
  }

  private static RunReport check(Violation violation, RuleSelection selection) throws Exception {
    ServerConfig.Builder config = ServerConfig.builder(Profile.FAST).host("127.0.0.1").port(0)
        .jwtSecret(JWT_SECRET).signingSecret(SIGNING_SECRET);
    try (LonglinkServer server = FaultyServer.start(config.build(), violation == null ? List.of() : List.of(violation))) {
      KitSettings settings = new KitSettings(server.uri(), new JwtTokenSource(JWT_SECRET, SIGNING_SECRET, null, null),
          Map.of(), false, null, KitSettings.DEFAULT_TIMING_SLACK, 2_000, 200_000, "proof" + System.nanoTime() % 100_000);
      return RUNNER.run(settings, selection, RuleListener.NONE);
    }
  }

  private static Set<String> ids(RunReport report, RuleStatus status) {
    return report.withStatus(status).stream().map(v -> v.rule().id()).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void theReferenceServerPassesEveryRuleTheKitChecks() throws Exception {
    RunReport report = check(null, true);
    assertEquals(Set.of(), ids(report, RuleStatus.FAILED), () -> describe(report));
    assertEquals(Set.of(), ids(report, RuleStatus.SKIPPED), "the reference server signs chats, so nothing is skipped");
    assertEquals(0, report.exitCode());
  }

  @Test
  void everyCheckedRuleHasAViolationSwitch() {
    var discovery = RUNNER.discoverAll();
    Set<String> checked = RUNNER.catalog().forSide(Side.SERVER).stream()
        .filter(r -> !discovery.scenariosFor(r.id()).isEmpty())
        .map(r -> r.id()).collect(Collectors.toCollection(TreeSet::new));
    Set<String> switches = Arrays.stream(Violation.values()).map(Violation::ruleId).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(checked, switches, "the reference server can break exactly the server rules the kit checks");
  }

  @TestFactory
  Stream<DynamicTest> theKitCatchesEveryViolation() {
    Map<String, Set<String>> failedScenarios = new ConcurrentHashMap<>();
    Stream<DynamicTest> switches = Arrays.stream(Violation.values()).map(v -> DynamicTest.dynamicTest(v.switchId() + " " + v.behaviour(), () -> {
      boolean should = RUNNER.catalog().find(v.ruleId()).orElseThrow().level() == Level.SHOULD;
      RunReport report = check(v, should);
      report.verdict(v.ruleId()).ifPresent(verdict -> verdict.scenarios().stream()
          .filter(r -> r.status() == ScenarioStatus.FAILED)
          .forEach(r -> failedScenarios.computeIfAbsent(v.ruleId(), k -> ConcurrentHashMap.newKeySet()).add(r.name())));
      Set<String> failed = ids(report, RuleStatus.FAILED);
      assertTrue(failed.contains(v.ruleId()), () -> v.ruleId() + " passed against a server that " + v.behaviour()
          + ": its scenarios cannot fail. Failed instead: " + failed);
      Set<String> unexpected = new TreeSet<>(failed);
      unexpected.remove(v.ruleId());
      unexpected.removeAll(ExpectedCascades.of(v.ruleId()).rules());
      assertEquals(Set.of(), unexpected, () -> "breaking " + v.ruleId() + " also failed rules it should not:\n"
          + describe(report, unexpected));
      assertEquals(1, report.exitCode(), "a failed rule fails the run, a SHOULD rule too when --strict selected it");
      Debuggable.assertDebuggable(report);
    }));
    return Stream.concat(switches, Stream.of(DynamicTest.dynamicTest(
        "every scenario of a rule with several switches fails under one of them", () -> everyScenarioFails(failedScenarios))));
  }

  /**
   * A rule gets more switches when one bug cannot fail all its scenarios (LL-LIM-3: a fixed
   * window passes the burst, no limit at all passes nothing): then each scenario has to fail
   * under one of them, or it is a scenario nothing has shown can fail.
   */
  private static void everyScenarioFails(Map<String, Set<String>> failedScenarios) {
    var discovery = RUNNER.discoverAll();
    Map<String, Long> switchesPerRule = Arrays.stream(Violation.values())
        .collect(Collectors.groupingBy(Violation::ruleId, Collectors.counting()));
    StringBuilder never = new StringBuilder();
    switchesPerRule.forEach((rule, count) -> {
      if (count > 1) {
        for (var scenario : discovery.scenariosFor(rule)) {
          if (!failedScenarios.getOrDefault(rule, Set.of()).contains(scenario.name())) {
            never.append("\n  ").append(rule).append(": ").append(scenario.name());
          }
        }
      }
    });
    assertEquals("", never.toString(), "scenarios that no switch of their rule made fail");
  }

  /**
   * A close with a code outside the table fails LL-CLOSE-1 in whichever scenario sees it, not
   * only in LL-CLOSE-1's own: here LL-CLOSE-1's scenarios are left out, and LL-ERR-3's, which
   * awaited 4008 and saw 4400, fail it too.
   */
  @Test
  void aCloseCodeOutsideTheTableFailsLlClose1WhereverItIsSeen() throws Exception {
    RunReport report = check(Violation.CLOSE_1, RuleSelection.of(RUNNER.catalog(), List.of("LL-ERR-3,LL-CLOSE-1"),
        "not @LL-CLOSE-1", false));
    assertEquals(Set.of("LL-CLOSE-1", "LL-ERR-3"), ids(report, RuleStatus.FAILED), () -> describe(report));
  }

  private static String describe(RunReport report) {
    return describe(report, ids(report, RuleStatus.FAILED));
  }

  private static String describe(RunReport report, Set<String> rules) {
    StringBuilder text = new StringBuilder();
    for (String id : rules) {
      RuleVerdict v = report.verdict(id).orElseThrow();
      v.firstFailure().ifPresent(f -> text.append("  ").append(id).append(" in ").append(f.scenario()).append(": ")
          .append(f.failure().message()).append('\n'));
    }
    return text.toString();
  }
}
