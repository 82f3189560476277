package io.longlink.client.inbox;

import io.longlink.client.store.ClientStore;
import io.longlink.client.store.ResumeState;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The honest resume point of LL-DLV-11: the highest seq s such that every delivery received with
 * a seq at or below s was processed. A delivery whose handler threw holds the point below its
 * seq until a resend of it is processed. The point belongs to one history epoch; in another
 * epoch the seqs mean other chats, so it starts again from 0.
 */
final class ResumePoint {

  private final ClientStore store;
  private final TreeSet<Long> unprocessed = new TreeSet<>();
  private long highestProcessed;
  private String epoch;

  ResumePoint(ClientStore store) {
    this.store = store;
    ResumeState saved = store.resume();
    this.highestProcessed = saved.lastSeq();
    this.epoch = saved.epoch();
  }

  /** What the next auth carries. */
  ResumeState current() {
    long lastSeq = unprocessed.isEmpty() ? highestProcessed : Math.min(highestProcessed, unprocessed.first() - 1);
    return new ResumeState(lastSeq, epoch);
  }

  /** A session of {@code sessionEpoch} began; a different epoch voids the point. */
  void sessionStarted(String sessionEpoch) {
    if (!Objects.equals(sessionEpoch, epoch)) {
      epoch = sessionEpoch;
      highestProcessed = 0;
      unprocessed.clear();
      store.putResume(current());
    }
  }

  void processed(long seq) {
    unprocessed.remove(seq);
    highestProcessed = Math.max(highestProcessed, seq);
    store.putResume(current());
  }

  void notProcessed(long seq) {
    unprocessed.add(seq);
    store.putResume(current());
  }
}
