package io.longlink.kit.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.kit.run.ConformanceRunner;
import io.longlink.kit.run.RuleListener;
import io.longlink.kit.run.RuleSelection;
import io.longlink.kit.run.RuleStatus;
import io.longlink.kit.run.RunReport;
import io.longlink.kit.settings.JwtTokenSource;
import io.longlink.kit.settings.KitSettings;
import io.longlink.server.LonglinkServer;
import io.longlink.server.config.Profile;
import io.longlink.server.config.ServerConfig;
import io.longlink.server.testing.RedisProcess;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The kit against a cluster: reference-server nodes sharing one real Redis pass every server
 * MUST rule with one node and with three, each scenario's users spread over the nodes; and nodes
 * that share nothing fail the rules a shared store keeps, which shows the spreading has teeth.
 */
class ClusterCheckIT {

  private static final byte[] JWT_SECRET = "cluster-jwt-secret-0123456789abcdefgh".getBytes(StandardCharsets.UTF_8);
  private static final byte[] SIGNING_SECRET = "cluster-signing-secret-0123456789abc".getBytes(StandardCharsets.UTF_8);
  private static final ConformanceRunner RUNNER = ConformanceRunner.builder().parallelism(4).build();

  private static LonglinkServer node(String store) throws Exception {
    ServerConfig.Builder config = ServerConfig.builder(Profile.FAST).host("127.0.0.1").port(0).jwtSecret(JWT_SECRET)
        .signingSecret(SIGNING_SECRET);
    return LonglinkServer.start(store == null ? config.build() : config.store(store).build());
  }

  private static RunReport check(List<LonglinkServer> nodes, List<String> rules) {
    List<URI> others = nodes.subList(1, nodes.size()).stream().map(LonglinkServer::uri).toList();
    KitSettings settings = new KitSettings(nodes.get(0).uri(), new JwtTokenSource(JWT_SECRET, SIGNING_SECRET, null, null),
        Map.of(), false, null, KitSettings.DEFAULT_TIMING_SLACK, 2_000, 200_000, "cl" + System.nanoTime() % 100_000,
        others);
    return RUNNER.run(settings, RuleSelection.of(RUNNER.catalog(), rules, null, false), RuleListener.NONE);
  }

  private static List<String> ids(RunReport report, RuleStatus status) {
    return report.withStatus(status).stream().map(v -> v.rule().id()).toList();
  }

  private static long opened(LonglinkServer node) {
    String metrics = node.metrics().prometheus();
    Matcher m = Pattern.compile("(?m)^longlink_connections_opened_total (\\d+)").matcher(metrics);
    assertTrue(m.find(), "longlink_connections_opened_total missing from the node's metrics:\n" + metrics);
    return Long.parseLong(m.group(1));
  }

  private static void close(List<LonglinkServer> nodes) throws Exception {
    for (LonglinkServer n : nodes) {
      n.close();
    }
  }

  @Test
  void everyServerRulePassesOnOneAndOnThreeNodesSharingOneRedis() throws Exception {
    try (RedisProcess redis = RedisProcess.startVolatile()) {
      List<LonglinkServer> nodes = new ArrayList<>();
      try {
        nodes.add(node(redis.url()));
        RunReport one = check(nodes, List.of());
        assertEquals(List.of(), ids(one, RuleStatus.FAILED), "one node on Redis");
        assertEquals(List.of(), one.errors());
        assertTrue(one.withStatus(RuleStatus.PASSED).size() > 60, "rules passed: " + ids(one, RuleStatus.PASSED));

        nodes.add(node(redis.url()));
        nodes.add(node(redis.url()));
        long[] before = nodes.stream().mapToLong(ClusterCheckIT::opened).toArray();
        RunReport three = check(nodes, List.of());
        assertEquals(List.of(), ids(three, RuleStatus.FAILED), "three nodes on one Redis");
        assertEquals(List.of(), three.errors());
        assertEquals(ids(one, RuleStatus.PASSED), ids(three, RuleStatus.PASSED), "the same rules pass on three nodes");
        assertEquals(3, three.nodes().size(), "the report names every node: " + three.nodes());
        for (int i = 0; i < nodes.size(); i++) {
          long spread = opened(nodes.get(i)) - before[i];
          // The third node is reached by a scenario's third role or a role's later connections: fewer, never none.
          assertTrue(spread >= 10, "node " + (i + 1) + " got only " + spread + " of the run's connections");
        }
      } finally {
        close(nodes);
      }
    }
  }

  @Test
  void nodesThatShareNothingFailTheRulesASharedStoreKeeps() throws Exception {
    List<String> shared = List.of("LL-CHAT-3", "LL-DD-3", "LL-DLV-5", "LL-LIM-6");
    List<LonglinkServer> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        nodes.add(node(null));
      }
      RunReport report = check(nodes, shared);
      assertEquals(new TreeSet<>(shared), new TreeSet<>(ids(report, RuleStatus.FAILED)),
          "delivery, dedup, pending deliveries and the connection limit across nodes need a store the nodes share");
    } finally {
      close(nodes);
    }
  }
}
