package io.longlink.client.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default store: memory only. It keeps everything across reconnects of one client, and
 * across clients that share the instance, but not across a restart of the process.
 */
public final class MemoryClientStore implements ClientStore {

  private final LinkedHashMap<String, StoredChat> outbox = new LinkedHashMap<>();
  private final LinkedHashMap<String, Long> processed = new LinkedHashMap<>();
  private ResumeState resume = ResumeState.NONE;

  @Override
  public synchronized List<StoredChat> outbox() {
    return new ArrayList<>(outbox.values());
  }

  @Override
  public synchronized void putChat(StoredChat chat) {
    outbox.put(chat.id(), chat);
  }

  @Override
  public synchronized void removeChat(String id) {
    outbox.remove(id);
  }

  @Override
  public synchronized ResumeState resume() {
    return resume;
  }

  @Override
  public synchronized void putResume(ResumeState state) {
    this.resume = state;
  }

  @Override
  public synchronized Map<String, Long> processed() {
    return new HashMap<>(processed);
  }

  @Override
  public synchronized void putProcessed(String key, long processedAt) {
    processed.put(key, processedAt);
  }

  @Override
  public synchronized void forgetProcessedBefore(long cutoff) {
    processed.values().removeIf(at -> at < cutoff);
  }
}
