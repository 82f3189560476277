package io.longlink.kit.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.kit.report.ReportDirectory;
import io.longlink.kit.run.ConformanceRunner;
import io.longlink.kit.run.RuleListener;
import io.longlink.kit.run.RuleSelection;
import io.longlink.kit.run.RuleStatus;
import io.longlink.kit.run.RuleVerdict;
import io.longlink.kit.run.RunReport;
import io.longlink.kit.settings.JwtTokenSource;
import io.longlink.kit.settings.KitSettings;
import io.longlink.kit.testing.FreezingProxy;
import io.longlink.server.LonglinkServer;
import io.longlink.server.config.Profile;
import io.longlink.server.config.ServerConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that stops answering mid-run, without closing anything, still gets a verdict for
 * every selected rule and its reports, within a bounded time: no wait of the kit outlives its
 * scenario's deadline, and the scenarios in flight when it froze fail instead of hanging.
 */
class SilentServerIT {

  private static final byte[] JWT_SECRET = "silent-jwt-secret-0123456789abcdefgh".getBytes(StandardCharsets.UTF_8);
  /** The heartbeat, chat and delivery areas: scenarios that wait on pongs, acks and deliveries. */
  private static final List<String> RULES = List.of("LL-HB,LL-CHAT,LL-DLV");

  @TempDir
  Path reports;

  @Test
  void aServerThatFreezesMidRunGetsAVerdictForEveryRuleAndItsReports() throws Exception {
    ServerConfig config = ServerConfig.builder(Profile.FAST).host("127.0.0.1").port(0).jwtSecret(JWT_SECRET).build();
    try (LonglinkServer server = LonglinkServer.start(config); FreezingProxy proxy = new FreezingProxy(server.uri().getPort())) {
      URI target = new URI(server.uri().getScheme(), null, "127.0.0.1", proxy.port(), server.uri().getPath(), null, null);
      KitSettings settings = new KitSettings(target, new JwtTokenSource(JWT_SECRET, null, null, null), Map.of(), false,
          null, KitSettings.DEFAULT_TIMING_SLACK, 2_000, 200_000, "silent" + System.nanoTime() % 100_000);
      ConformanceRunner runner = ConformanceRunner.builder().build();
      // After the preflight's connection and a few scenarios' own: most scenarios then meet a
      // server that answers nothing, however fast the machine.
      proxy.freezeAfter(6);
      RunReport report = assertTimeoutPreemptively(Duration.ofMinutes(5),
          () -> runner.run(settings, RuleSelection.of(runner.catalog(), RULES, null, false), RuleListener.NONE),
          "the run against a frozen server must end by itself");
      List<Path> written = ReportDirectory.write(report, reports);
      assertEquals(3, written.size());
      written.forEach(p -> assertTrue(Files.exists(p), p + " was written"));

      List<RuleVerdict> selected = report.verdicts().stream().filter(v -> report.selection().includes(v.rule().id()))
          .filter(v -> v.status() != RuleStatus.NOT_COVERED).toList();
      assertTrue(selected.size() >= 10, "the selection holds the three areas' checked rules: " + selected.size());
      selected.forEach(v -> assertTrue(v.status() == RuleStatus.PASSED || v.status() == RuleStatus.FAILED,
          v.rule().id() + " got a verdict, not " + v.status()));
      long failed = selected.stream().filter(v -> v.status() == RuleStatus.FAILED).count();
      assertTrue(failed >= selected.size() / 2, "most rules were checked after the freeze and failed: " + failed
          + " of " + selected.size());
      assertEquals(1, report.exitCode());
    }
  }
}
