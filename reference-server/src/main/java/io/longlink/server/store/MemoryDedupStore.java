package io.longlink.server.store;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Dedup entries in memory, per sender in acceptance order, so that expiry only looks at the oldest
 * entries. Memory stays bounded because a sender can only add entries as fast as the rate limit
 * allows: at most window / rate_window x rate_messages per connection.
 */
public final class MemoryDedupStore implements DedupStore {

  private record Entry(Accepted accepted, long expiresAtMs) {}

  private final long windowMs;
  private final Map<String, LinkedHashMap<String, Entry>> bySender = new HashMap<>();
  private long size;

  public MemoryDedupStore(long windowMs) {
    this.windowMs = windowMs;
  }

  @Override
  public Optional<Accepted> find(String key, String messageId, long nowMs) {
    LinkedHashMap<String, Entry> entries = bySender.get(key);
    if (entries == null) {
      return Optional.empty();
    }
    expire(entries, nowMs);
    if (entries.isEmpty()) {
      bySender.remove(key);
      return Optional.empty();
    }
    Entry e = entries.get(messageId);
    return e == null ? Optional.empty() : Optional.of(e.accepted());
  }

  @Override
  public void remember(String key, String messageId, Accepted accepted, long nowMs) {
    LinkedHashMap<String, Entry> entries = bySender.computeIfAbsent(key, k -> new LinkedHashMap<>());
    expire(entries, nowMs);
    if (entries.put(messageId, new Entry(accepted, nowMs + windowMs)) == null) {
      size++;
    }
  }

  private void expire(LinkedHashMap<String, Entry> entries, long nowMs) {
    Iterator<Entry> it = entries.values().iterator();
    while (it.hasNext() && it.next().expiresAtMs() <= nowMs) {
      it.remove();
      size--;
    }
  }

  @Override
  public void expire(long nowMs) {
    Iterator<LinkedHashMap<String, Entry>> senders = bySender.values().iterator();
    while (senders.hasNext()) {
      LinkedHashMap<String, Entry> entries = senders.next();
      expire(entries, nowMs);
      if (entries.isEmpty()) {
        senders.remove();
      }
    }
  }

  @Override
  public long size() {
    return size;
  }
}
