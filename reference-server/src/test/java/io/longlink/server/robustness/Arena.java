package io.longlink.server.robustness;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What an attack runs against: the servers, the witness, and this worker's lanes (one reusable
 * session per server per worker thread, so that the number of connections stays bounded).
 *
 * @param main the server the healthy clients chat on
 * @param signing a server that signs chats (PROTOCOL.md §18)
 * @param flood a server with a small rate limit and a long window, for floods
 * @param waitMs how long to wait for an answer the protocol puts no deadline on
 */
record Arena(Target main, Target signing, Target flood, Witness witness, long waitMs, List<Lane> allLanes,
    ThreadLocal<Map<Target, Lane>> lanes) {

  static Arena of(Target main, Target signing, Target flood, Witness witness, long waitMs) {
    return new Arena(main, signing, flood, witness, waitMs, new CopyOnWriteArrayList<>(), ThreadLocal.withInitial(HashMap::new));
  }

  /** This worker's lane on {@code target}. */
  Lane lane(Target target) {
    return lanes.get().computeIfAbsent(target, t -> {
      Lane lane = new Lane(t, "lane-" + t.label(), waitMs);
      allLanes.add(lane);
      return lane;
    });
  }

  void closeLanes() {
    allLanes.forEach(Lane::close);
  }
}
