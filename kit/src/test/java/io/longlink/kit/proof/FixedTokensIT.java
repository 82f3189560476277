package io.longlink.kit.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.longlink.kit.run.ConformanceRunner;
import io.longlink.kit.run.RuleListener;
import io.longlink.kit.run.RuleSelection;
import io.longlink.kit.run.RuleStatus;
import io.longlink.kit.run.RunReport;
import io.longlink.kit.settings.FixedTokenSource;
import io.longlink.kit.settings.JwtTokenSource;
import io.longlink.kit.settings.KitSettings;
import io.longlink.server.LonglinkServer;
import io.longlink.server.config.Profile;
import io.longlink.server.config.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The kit with tokens given on the command line (as for a server whose tokens it cannot mint):
 * three fixed users shared by every scenario, which then run one at a time, each settling what
 * the previous one left pending. Every rule still passes against the reference server.
 */
class FixedTokensIT {

  private static final byte[] JWT_SECRET = "fixed-jwt-secret-0123456789abcdefgh".getBytes(StandardCharsets.UTF_8);
  private static final byte[] SIGNING_SECRET = "fixed-signing-secret-0123456789abc".getBytes(StandardCharsets.UTF_8);

  @Test
  void everyMustRulePassesWithThreeFixedUsers() throws Exception {
    JwtTokenSource minter = new JwtTokenSource(JWT_SECRET, SIGNING_SECRET, null, null);
    String run = "fixed" + System.nanoTime() % 100_000;
    Map<String, String> tokens = new LinkedHashMap<>();
    Map<String, byte[]> keys = new LinkedHashMap<>();
    for (String role : FixedTokenSource.ROLES) {
      tokens.put(role, minter.token(run + "-" + role));
      keys.put(role, minter.signingKey(run + "-" + role).orElseThrow());
    }
    tokens.put(FixedTokenSource.EXPIRED, minter.expiredToken(run + "-old").orElseThrow());
    tokens.put(FixedTokenSource.FORBIDDEN, minter.forbiddenToken(run + "-banned").orElseThrow());
    ServerConfig config = ServerConfig.builder(Profile.FAST).host("127.0.0.1").port(0).jwtSecret(JWT_SECRET)
        .signingSecret(SIGNING_SECRET).build();
    try (LonglinkServer server = LonglinkServer.start(config)) {
      KitSettings settings = new KitSettings(server.uri(), new FixedTokenSource(tokens, keys), Map.of(), false, null,
          KitSettings.DEFAULT_TIMING_SLACK, 5_000, 200_000, run);
      ConformanceRunner runner = ConformanceRunner.builder().build();
      RunReport report = runner.run(settings, RuleSelection.of(runner.catalog(), List.of(), null, false), RuleListener.NONE);
      Set<String> failed = report.withStatus(RuleStatus.FAILED).stream().map(v -> v.rule().id() + ": "
          + v.firstFailure().map(f -> f.failure().message()).orElse("")).collect(Collectors.toSet());
      assertEquals(Set.of(), failed);
      assertEquals(List.of(), report.withStatus(RuleStatus.SKIPPED).stream().map(v -> v.rule().id()).toList());
      assertEquals(1, report.parallelism(), "shared users run one scenario at a time");
    }
  }
}
