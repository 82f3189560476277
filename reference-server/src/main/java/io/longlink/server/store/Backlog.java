package io.longlink.server.store;

import java.util.List;

/**
 * What a new session of a user gets after its auth_ok: the history's epoch to advertise
 * (LL-DLV-12), and the user's pending deliveries in increasing seq order (LL-DLV-4, LL-DLV-7).
 */
public record Backlog(String epoch, List<Outgoing> deliveries) {

  /** The highest seq handed out, or 0 for none: later deliveries to the session start above it. */
  public long highestSeq() {
    long highest = 0;
    for (Outgoing o : deliveries) {
      highest = Math.max(highest, o.delivery().seq());
    }
    return highest;
  }
}
