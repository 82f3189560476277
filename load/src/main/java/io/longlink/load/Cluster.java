package io.longlink.load;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The nodes a run loads, all serving one cluster, and where its users connect: user {@code i}'s
 * first connection goes to node {@code i mod n}, so that a chat's sender and recipient are mostly
 * on different nodes, and every later connection of a user to the node after the one it was on,
 * so that the users of a node that died or sent them away spread over the others instead of
 * waiting for it. Counts per node what happened there. Thread-safe.
 */
public final class Cluster {

  private final List<URI> nodes;
  private final AtomicLongArray connections;
  private final AtomicLongArray connectFailures;
  private final AtomicLongArray open;

  Cluster(List<URI> nodes) {
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("a cluster has at least one node");
    }
    this.nodes = List.copyOf(nodes);
    this.connections = new AtomicLongArray(nodes.size());
    this.connectFailures = new AtomicLongArray(nodes.size());
    this.open = new AtomicLongArray(nodes.size());
  }

  int size() {
    return nodes.size();
  }

  URI uri(int node) {
    return nodes.get(node);
  }

  /** The node of user {@code user}'s first connection. */
  int first(int user) {
    return user % nodes.size();
  }

  /** The node a user on {@code node} connects to next, once its connection there ended or failed. */
  int next(int node) {
    return (node + 1) % nodes.size();
  }

  /** A WebSocket opened on {@code node}. */
  void connected(int node) {
    connections.incrementAndGet(node);
    open.incrementAndGet(node);
  }

  /** A WebSocket that had opened on {@code node} ended. */
  void disconnected(int node) {
    open.decrementAndGet(node);
  }

  /** An attempt on {@code node} ended before its WebSocket opened: refused, reset, timed out, or turned away. */
  void connectFailed(int node) {
    connectFailures.incrementAndGet(node);
  }

  /** What each node saw, in the order the nodes were given. */
  List<LoadReport.Node> report() {
    List<LoadReport.Node> out = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      out.add(new LoadReport.Node(nodes.get(i).toString(), connections.get(i), connectFailures.get(i), open.get(i)));
    }
    return out;
  }

  /** The connections open on each node now, for a progress line: "12/0/13". */
  String openNow() {
    return IntStream.range(0, nodes.size()).mapToObj(i -> Long.toString(open.get(i))).collect(Collectors.joining("/"));
  }

  /**
   * Whether {@code uri}'s host is this machine's loopback, where a run may go without
   * {@code --allow-remote} and where a node's process can be killed.
   */
  public static boolean loopback(URI uri) {
    String host = uri.getHost() == null ? "" : uri.getHost();
    return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
  }
}
