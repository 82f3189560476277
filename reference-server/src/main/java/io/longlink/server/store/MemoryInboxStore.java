package io.longlink.server.store;

import io.longlink.model.ChatDelivery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Inboxes in memory: lost when the process ends (PROTOCOL.md LL-SHUT-4 asks servers to say so; this is where). */
public final class MemoryInboxStore implements InboxStore {

  private static final class Entry {
    final ChatDelivery delivery;
    boolean sent;

    Entry(ChatDelivery delivery) {
      this.delivery = delivery;
    }
  }

  private final Map<String, TreeMap<Long, Entry>> inboxes = new HashMap<>();
  private final Map<Long, List<String>> recipients = new HashMap<>();
  private long total;

  @Override
  public void append(String user, ChatDelivery delivery) {
    if (inboxes.computeIfAbsent(user, u -> new TreeMap<>()).put(delivery.seq(), new Entry(delivery)) == null) {
      total++;
      recipients.computeIfAbsent(delivery.seq(), s -> new ArrayList<>(1)).add(user);
    }
  }

  @Override
  public List<ChatDelivery> pending(String user) {
    TreeMap<Long, Entry> inbox = inboxes.get(user);
    List<ChatDelivery> list = new ArrayList<>();
    if (inbox != null) {
      inbox.values().forEach(e -> list.add(e.delivery));
    }
    return list;
  }

  @Override
  public Optional<ChatDelivery> find(String user, long seq) {
    TreeMap<Long, Entry> inbox = inboxes.get(user);
    Entry e = inbox == null ? null : inbox.get(seq);
    return e == null ? Optional.empty() : Optional.of(e.delivery);
  }

  @Override
  public boolean remove(String user, long seq) {
    TreeMap<Long, Entry> inbox = inboxes.get(user);
    if (inbox == null || inbox.remove(seq) == null) {
      return false;
    }
    forget(user, seq, inbox);
    return true;
  }

  @Override
  public List<Long> removeUpTo(String user, long seq) {
    TreeMap<Long, Entry> inbox = inboxes.get(user);
    List<Long> removed = new ArrayList<>();
    if (inbox == null) {
      return removed;
    }
    Iterator<Long> it = inbox.headMap(seq, true).keySet().iterator();
    while (it.hasNext()) {
      removed.add(it.next());
      it.remove();
    }
    for (long s : removed) {
      forget(user, s, inbox);
    }
    return removed;
  }

  private void forget(String user, long seq, TreeMap<Long, Entry> inbox) {
    total--;
    List<String> users = recipients.get(seq);
    if (users != null) {
      users.remove(user);
      if (users.isEmpty()) {
        recipients.remove(seq);
      }
    }
    if (inbox.isEmpty()) {
      inboxes.remove(user);
    }
  }

  @Override
  public int size(String user) {
    TreeMap<Long, Entry> inbox = inboxes.get(user);
    return inbox == null ? 0 : inbox.size();
  }

  @Override
  public long total() {
    return total;
  }

  @Override
  public void markSent(String user, long seq) {
    TreeMap<Long, Entry> inbox = inboxes.get(user);
    Entry e = inbox == null ? null : inbox.get(seq);
    if (e != null) {
      e.sent = true;
    }
  }

  @Override
  public boolean wasSent(String user, long seq) {
    TreeMap<Long, Entry> inbox = inboxes.get(user);
    Entry e = inbox == null ? null : inbox.get(seq);
    return e != null && e.sent;
  }

  @Override
  public List<String> recipientsOf(long seq) {
    return List.copyOf(recipients.getOrDefault(seq, List.of()));
  }
}
