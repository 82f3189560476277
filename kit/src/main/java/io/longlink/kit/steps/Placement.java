package io.longlink.kit.steps;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which node of the target each of a scenario's connections goes to. With one node, all of them.
 * With n nodes, the k-th connection (from 0) of the role that connected i-th (from 0) goes to node
 * {@code (i + k) mod n}: alice and bob sit on different nodes, and alice after a reconnect sits on
 * another node than before, so that delivery, dedup, the resume point and the connection limit are
 * checked across nodes, where a cluster keeps them in its shared store, not in one node's memory.
 * The rule is fixed, not random, so that a failure happens again on the next run.
 */
final class Placement {

  private final List<URI> nodes;
  private final List<String> roles = new ArrayList<>();
  private final Map<String, Integer> opened = new HashMap<>();

  Placement(List<URI> nodes) {
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("a target has at least one node");
    }
    this.nodes = List.copyOf(nodes);
  }

  /** The node, from 0, of the role's next connection; counts that connection as opened. */
  synchronized int next(String role) {
    if (!roles.contains(role)) {
      roles.add(role);
    }
    int k = opened.merge(role, 1, Integer::sum) - 1;
    return Math.floorMod(roles.indexOf(role) + k, nodes.size());
  }

  URI node(int index) {
    return nodes.get(index);
  }

  /** Whether there is more than one node, so that labels name the node. */
  boolean spread() {
    return nodes.size() > 1;
  }
}
