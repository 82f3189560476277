package io.longlink.server.faults.ports;

import io.longlink.server.store.Accepted;
import io.longlink.server.store.DedupStore;
import java.util.Optional;

/** LL-DD-4: repeats recognised by id alone, whoever sent them: every sender shares one key. */
public final class DedupFaults implements DedupStore {

  private static final String EVERYONE = "*";

  private final DedupStore dedup;

  private DedupFaults(DedupStore dedup) {
    this.dedup = dedup;
  }

  public static DedupStore idAlone(DedupStore dedup) {
    return new DedupFaults(dedup);
  }

  @Override
  public Optional<Accepted> find(String key, String messageId, long nowMs) {
    return dedup.find(EVERYONE, messageId, nowMs);
  }

  @Override
  public void remember(String key, String messageId, Accepted accepted, long nowMs) {
    dedup.remember(EVERYONE, messageId, accepted, nowMs);
  }

  @Override
  public long size() {
    return dedup.size();
  }

  @Override
  public void expire(long nowMs) {
    dedup.expire(nowMs);
  }
}
