package io.longlink.client.inbox;

import io.longlink.client.store.ClientStore;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The (from, id) pairs already processed, so that a repeated delivery is dropped (LL-DD-6).
 * Each pair is kept at least {@code dedup_window_ms}, the longest a server resends a chat, and
 * at most {@link #CAPACITY} pairs are kept so that memory stays bounded on a busy account.
 */
final class ProcessedIds {

  /** The bound: beyond it the oldest pairs go first, even inside the window. */
  static final int CAPACITY = 100_000;

  private final ClientStore store;
  private final LinkedHashMap<String, Long> pairs = new LinkedHashMap<>();

  ProcessedIds(ClientStore store) {
    this.store = store;
    store.processed().entrySet().stream()
        .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
        .forEach(e -> pairs.put(e.getKey(), e.getValue()));
  }

  static String key(String from, String id) {
    return from + "\n" + id;
  }

  boolean contains(String key) {
    return pairs.containsKey(key);
  }

  /** Records a processed pair at {@code now} and forgets what is older than {@code windowMs}. */
  void add(String key, long now, long windowMs) {
    pairs.put(key, now);
    store.putProcessed(key, now);
    long cutoff = now - windowMs;
    var oldest = pairs.entrySet().iterator();
    boolean forgot = false;
    while (oldest.hasNext()) {
      Map.Entry<String, Long> e = oldest.next();
      if (e.getValue() >= cutoff && pairs.size() <= CAPACITY) {
        break;
      }
      cutoff = Math.max(cutoff, e.getValue() + 1);
      oldest.remove();
      forgot = true;
    }
    if (forgot) {
      store.forgetProcessedBefore(cutoff);
    }
  }
}
