package io.longlink.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.client.transport.Link;
import io.longlink.client.transport.LinkListener;
import io.longlink.client.transport.Transport;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where users connect, and move on to, across the nodes of a cluster; and what each node is counted. */
class ClusterTest {

  private static final URI A = URI.create("ws://127.0.0.1:8081/ws");
  private static final URI B = URI.create("ws://127.0.0.1:8082/ws");
  private static final URI C = URI.create("ws://127.0.0.1:8083/ws");

  /** Records every link asked for, and its listener, and what the client did to it. */
  private static final class Recording implements Transport {
    final List<URI> opened = new ArrayList<>();
    final List<LinkListener> listeners = new ArrayList<>();

    @Override
    public Link open(URI uri, String subprotocol, Duration openWithin, LinkListener listener) {
      opened.add(uri);
      listeners.add(listener);
      return new Link() {
        @Override
        public void send(String text) {}

        @Override
        public void close(int code, String reason) {}

        @Override
        public void abort() {}
      };
    }
  }

  private static final LinkListener NOBODY = new LinkListener() {
    @Override
    public void opened() {}

    @Override
    public void text(String frame) {}

    @Override
    public void closed(int code, String reason) {}
  };

  @Test
  void userIStartsOnNodeIModNAndEachReconnectGoesToTheNextNode() {
    Cluster cluster = new Cluster(List.of(A, B, C));
    assertEquals(List.of(0, 1, 2, 0, 1, 2, 0), List.of(cluster.first(0), cluster.first(1), cluster.first(2),
        cluster.first(3), cluster.first(4), cluster.first(5), cluster.first(6)));
    assertEquals(List.of(1, 2, 0), List.of(cluster.next(0), cluster.next(1), cluster.next(2)));
    Cluster single = new Cluster(List.of(A));
    assertEquals(0, single.first(7));
    assertEquals(0, single.next(0));
  }

  @Test
  void aUserWhoseConnectionsEndOrFailWalksTheNodesRoundRobinFromItsFirst() {
    Cluster cluster = new Cluster(List.of(A, B, C));
    Recording inner = new Recording();
    // User 4 starts on node 4 mod 3 = 1 (B); the client always asks for the URL it was built with, A's.
    NodeTransport user = new NodeTransport(inner, cluster, 4);
    for (int i = 0; i < 5; i++) {
      user.open(A, "longlink.v1", Duration.ofSeconds(1), NOBODY);
    }
    assertEquals(List.of(B, C, A, B, C), inner.opened);
  }

  @Test
  void whatTheClientAppendsToItsUrlGoesAlongToEveryNode() {
    Recording inner = new Recording();
    NodeTransport user = new NodeTransport(inner, new Cluster(List.of(A, B)), 0);
    user.open(URI.create(A + "?room=r1"), "longlink.v1", Duration.ofSeconds(1), NOBODY);
    user.open(URI.create(A + "?room=r1"), "longlink.v1", Duration.ofSeconds(1), NOBODY);
    assertEquals(List.of(URI.create(A + "?room=r1"), URI.create(B + "?room=r1")), inner.opened);
  }

  @Test
  void eachNodeCountsConnectionsFailuresAndWhatIsStillOpen() {
    Cluster cluster = new Cluster(List.of(A, B));
    Recording inner = new Recording();
    NodeTransport user = new NodeTransport(inner, cluster, 0);
    // On A: opens, then the transport reports its end (a drop).
    Link first = user.open(A, "p", Duration.ofSeconds(1), NOBODY);
    inner.listeners.get(0).opened();
    inner.listeners.get(0).closed(1006, "dropped");
    // On B: refused before it opened.
    user.open(A, "p", Duration.ofSeconds(1), NOBODY);
    inner.listeners.get(1).closed(1006, "Connection refused");
    // On A again: opens, and the client ends it itself (a heartbeat timeout): nothing more is reported.
    Link third = user.open(A, "p", Duration.ofSeconds(1), NOBODY);
    inner.listeners.get(2).opened();
    assertEquals("1/0", cluster.openNow());
    third.close(4000, "heartbeat_timeout");
    third.abort();
    inner.listeners.get(2).closed(4000, "late report of the same end");
    first.abort();
    // On B: opens and stays open.
    user.open(A, "p", Duration.ofSeconds(1), NOBODY);
    inner.listeners.get(3).opened();
    assertEquals(List.of(new LoadReport.Node(A.toString(), 2, 0, 0), new LoadReport.Node(B.toString(), 1, 1, 1)),
        cluster.report());
    assertEquals(1, user.node());
  }

  @Test
  void onlyLoopbackHostsAreLoopback() {
    for (String host : new String[] {"ws://127.0.0.1/ws", "ws://127.1.2.3:9/ws", "ws://localhost:8080/ws", "ws://[::1]:8080/ws"}) {
      assertTrue(Cluster.loopback(URI.create(host)), host);
    }
    for (String host : new String[] {"ws://example.com/ws", "ws://10.0.0.1/ws", "ws://128.0.0.1/ws"}) {
      assertFalse(Cluster.loopback(URI.create(host)), host);
    }
  }
}
