package io.longlink.kit.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.kit.run.ConformanceRunner;
import io.longlink.kit.run.RuleListener;
import io.longlink.kit.run.RuleSelection;
import io.longlink.kit.run.RuleStatus;
import io.longlink.kit.run.RuleVerdict;
import io.longlink.kit.run.RunReport;
import io.longlink.kit.settings.JwtTokenSource;
import io.longlink.kit.settings.KitSettings;
import io.longlink.rules.Level;
import io.longlink.server.LonglinkServer;
import io.longlink.server.config.Profile;
import io.longlink.server.config.ServerConfig;
import io.longlink.server.faults.Faults;
import io.longlink.server.faults.Violation;
import io.longlink.server.faults.proxy.BreakingProxy;
import io.longlink.server.faults.proxy.ProxyConfig;
import java.nio.charset.StandardCharsets;
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
 * Proof that the breaking proxy breaks what it says, in front of a server that breaks nothing:
 * for every switch the proxy can apply, a conforming reference server, the proxy in front of it
 * with that one switch, and the kit, run against the proxy on the switch's own rule, fails that
 * rule. And without a switch the proxy changes nothing the kit sees, but the upgrade deadline.
 */
class ProxyViolationProofIT {

  private static final byte[] JWT_SECRET = "proxy-proof-jwt-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final byte[] SIGNING_SECRET = "proxy-proof-signing-secret-0123456789".getBytes(StandardCharsets.UTF_8);
  private static final ConformanceRunner RUNNER = ConformanceRunner.builder().build();

  private static RunReport checkThroughAProxy(List<Violation> violations, RuleSelection selection) throws Exception {
    ServerConfig config = ServerConfig.builder(Profile.FAST).host("127.0.0.1").port(0)
        .jwtSecret(JWT_SECRET).signingSecret(SIGNING_SECRET).build();
    try (LonglinkServer server = LonglinkServer.start(config);
        BreakingProxy proxy = BreakingProxy.start(ProxyConfig.to(server.uri()).violations(violations))) {
      KitSettings settings = new KitSettings(proxy.uri(), new JwtTokenSource(JWT_SECRET, SIGNING_SECRET, null, null),
          Map.of(), false, null, KitSettings.DEFAULT_TIMING_SLACK, 2_000, 200_000, "proxy" + System.nanoTime() % 100_000);
      return RUNNER.run(settings, selection, RuleListener.NONE);
    }
  }

  private static Set<String> failed(RunReport report) {
    return report.withStatus(RuleStatus.FAILED).stream().map(v -> v.rule().id()).collect(Collectors.toCollection(TreeSet::new));
  }

  /** LL-LIM-9 is about the server's own TCP accept: through a proxy the kit meets the proxy's upgrade handling. */
  @Test
  void aProxyWithoutSwitchesChangesNothingTheKitSeesButTheUpgradeDeadline() throws Exception {
    RunReport report = checkThroughAProxy(List.of(), RuleSelection.of(RUNNER.catalog(), List.of(), "not @LL-LIM-9", true));
    assertEquals(Set.of(), failed(report), () -> describe(report, failed(report)));
    assertEquals(Set.of(), report.withStatus(RuleStatus.SKIPPED).stream().map(v -> v.rule().id()).collect(Collectors.toSet()),
        "the server signs chats, so nothing is skipped");
  }

  @TestFactory
  Stream<DynamicTest> theKitCatchesEverySwitchTheProxyApplies() {
    return Arrays.stream(Violation.values()).filter(Faults::proxyable).map(v -> DynamicTest.dynamicTest(
        v.switchId() + " " + v.behaviour(), () -> {
          boolean should = RUNNER.catalog().find(v.ruleId()).orElseThrow().level() == Level.SHOULD;
          RunReport report = checkThroughAProxy(List.of(v), RuleSelection.of(RUNNER.catalog(), List.of(v.ruleId()), null, should));
          Set<String> failed = failed(report);
          assertTrue(failed.contains(v.ruleId()), () -> v.ruleId() + " passed through a proxy whose filters make the server "
              + v.behaviour() + ": the proxy does not apply " + v.switchId() + ". Failed instead: " + failed);
        }));
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
