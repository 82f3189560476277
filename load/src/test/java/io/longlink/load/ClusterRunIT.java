package io.longlink.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.server.LonglinkServer;
import io.longlink.server.config.Profile;
import io.longlink.server.config.ServerConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Load runs across several node URLs without a shared store: the nodes are one in-process
 * server seen through more than one port, so that every chat is deliverable wherever its users
 * are and 0 lost, 0 duplicated is what a correct run shows. What is proven is the generator's
 * part: users placed round-robin, moved on when a node refuses them or dies, resuming there,
 * and counted exactly once across the nodes.
 */
class ClusterRunIT {

  private static final int USERS = 40;

  private static LoadPlan plan(List<URI> nodes, double chaos, Duration duration, Duration killAfter, Duration hold) {
    return new LoadPlan(nodes, LoadRunIT::token, user -> Optional.empty(), USERS, 100, Duration.ZERO, duration, chaos, 64,
        0, LoadPlan.Stack.LONGLINK, 50, Duration.ofSeconds(10), Duration.ZERO, killAfter, hold,
        "c" + System.nanoTime() % 1_000_000);
  }

  private static LonglinkServer server() throws Exception {
    return LonglinkServer.start(ServerConfig.builder(Profile.FAST).host("127.0.0.1").port(0).jwtSecret(LoadRunIT.SECRET)
        .build());
  }

  @Test
  void usersSentToANodeThatRefusesConnectionsMoveToTheNextAndNothingIsLost() throws Exception {
    List<String> lines = new ArrayList<>();
    // A socket bound and never listening: its port refuses every connection, as a node that is down does.
    try (LonglinkServer server = server(); Socket refusing = new Socket()) {
      refusing.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      URI down = URI.create("ws://127.0.0.1:" + refusing.getLocalPort() + "/ws");
      // The hold gives a user dropped in the last second time to be refused once more and come back.
      LoadReport report = LoadRun.run(plan(List.of(server.uri(), down), 0.1, Duration.ofSeconds(4), Duration.ZERO,
          Duration.ofSeconds(2)), lines::add);
      assertTrue(report.kept(), report::text);
      assertEquals(0, report.lost(), report::text);
      assertEquals(0, report.duplicated(), report::text);
      assertEquals(report.sent(), report.acked(), report::text);
      LoadReport.Node up = report.nodes().get(0);
      LoadReport.Node refused = report.nodes().get(1);
      assertEquals(0, refused.connections(), report::text);
      assertTrue(refused.connectFailures() >= USERS / 2, "every odd user was refused first: " + report.text());
      assertEquals(USERS, up.openAtEnd(), "every user ended on the node that is up: " + report.text());
      assertTrue(up.connections() >= USERS && report.dropped() > 0, report::text);
      assertTrue(lines.stream().anyMatch(l -> l.contains("on nodes ")), () -> String.join("\n", lines));
    }
  }

  @Test
  void theUsersOfANodeKilledMidRunResumeOnTheNextNodeAndNothingIsLostOrDuplicated() throws Exception {
    List<String> lines = new ArrayList<>();
    try (LonglinkServer server = server(); TcpRelay.Started relay = TcpRelay.start(server.port())) {
      List<URI> nodes = List.of(server.uri(), relay.uri(server.uri()));
      NodeKill kill = NodeKill.of(relay.process().pid(), nodes);
      // No chaos here: a user dropped late could still be in its backoff when the report is taken.
      LoadReport report = LoadRun.run(plan(nodes, 0, Duration.ofSeconds(6), Duration.ofSeconds(2), Duration.ZERO), lines::add,
          Optional.empty(), Optional.empty(), Optional.of(kill));
      assertTrue(report.kept(), report::text);
      assertEquals(0, report.lost(), report::text);
      assertEquals(0, report.duplicated(), report::text);
      assertEquals(report.sent(), report.acked(), report::text);
      assertEquals(List.of(nodes.get(1).toString()), report.kill().nodes(), report::text);
      assertTrue(report.kill().atMs() > 0 && report.kill().goneAfterMs() >= 0, report::text);
      LoadReport.Node survivor = report.nodes().get(0);
      LoadReport.Node killed = report.nodes().get(1);
      assertTrue(killed.connections() >= USERS / 2, "half the users started on the relay: " + report.text());
      assertEquals(0, killed.openAtEnd(), report::text);
      assertEquals(USERS, survivor.openAtEnd(), "the killed node's users moved to the other: " + report.text());
      assertTrue(report.sessions() >= USERS + USERS / 2, "each of the killed node's users had a new session: " + report.text());
      assertTrue(report.text().contains("(killed)") && report.text().contains("SIGKILL to pid " + kill.pid()), report::text);
      assertTrue(lines.stream().anyMatch(l -> l.contains("SIGKILL to pid")), () -> String.join("\n", lines));
    }
  }
}
