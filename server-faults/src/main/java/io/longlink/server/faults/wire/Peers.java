package io.longlink.server.faults.wire;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The connections in session on one server (or behind one proxy), by user: what filters that act
 * across connections need (a fault that reaches every other user, or the user's other connections).
 */
public final class Peers {

  private final Map<String, List<Peer>> byUser = new ConcurrentHashMap<>();
  private final Set<Peer> all = ConcurrentHashMap.newKeySet();

  void add(Peer peer) {
    byUser.computeIfAbsent(peer.user(), u -> new CopyOnWriteArrayList<>()).add(peer);
    all.add(peer);
  }

  /** Removes a closed connection; true when it was its user's last. */
  boolean remove(Peer peer) {
    if (!all.remove(peer)) {
      return false;
    }
    List<Peer> peers = byUser.get(peer.user());
    peers.remove(peer);
    return peers.isEmpty();
  }

  /** The user's connections in session. */
  public List<Peer> of(String user) {
    return List.copyOf(byUser.getOrDefault(user, List.of()));
  }

  /** Whether the user has a connection in session. */
  public boolean connected(String user) {
    return !byUser.getOrDefault(user, List.of()).isEmpty();
  }

  /** Every connection in session. */
  public List<Peer> all() {
    return List.copyOf(all);
  }
}
