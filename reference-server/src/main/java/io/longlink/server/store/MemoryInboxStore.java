package io.longlink.server.store;

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
    final PendingDelivery delivery;
    boolean sent;

    Entry(PendingDelivery delivery) {
      this.delivery = delivery;
    }
  }

  private static final class Inbox {
    final TreeMap<Long, Entry> entries = new TreeMap<>();
    long bytes;
  }

  private final Map<String, Inbox> inboxes = new HashMap<>();
  private final Map<Long, List<String>> recipients = new HashMap<>();
  private final Map<String, Long> bytesBySender = new HashMap<>();
  private long total;
  private long totalBytes;

  @Override
  public void append(String user, PendingDelivery delivery) {
    Inbox inbox = inboxes.computeIfAbsent(user, u -> new Inbox());
    if (inbox.entries.put(delivery.seq(), new Entry(delivery)) == null) {
      total++;
      inbox.bytes += delivery.bytes();
      List<String> users = recipients.computeIfAbsent(delivery.seq(), s -> new ArrayList<>(1));
      if (users.isEmpty()) {
        totalBytes += delivery.bytes();
        bytesBySender.merge(delivery.sender(), (long) delivery.bytes(), Long::sum);
      }
      users.add(user);
    }
  }

  @Override
  public List<PendingDelivery> pending(String user) {
    Inbox inbox = inboxes.get(user);
    List<PendingDelivery> list = new ArrayList<>();
    if (inbox != null) {
      inbox.entries.values().forEach(e -> list.add(e.delivery));
    }
    return list;
  }

  @Override
  public Optional<PendingDelivery> find(String user, long seq) {
    Entry e = entry(user, seq);
    return e == null ? Optional.empty() : Optional.of(e.delivery);
  }

  @Override
  public boolean remove(String user, long seq) {
    Inbox inbox = inboxes.get(user);
    Entry removed = inbox == null ? null : inbox.entries.remove(seq);
    if (removed == null) {
      return false;
    }
    forget(user, removed.delivery, inbox);
    return true;
  }

  @Override
  public List<Long> removeUpTo(String user, long seq) {
    Inbox inbox = inboxes.get(user);
    List<Long> removed = new ArrayList<>();
    if (inbox == null) {
      return removed;
    }
    List<PendingDelivery> gone = new ArrayList<>();
    Iterator<Entry> it = inbox.entries.headMap(seq, true).values().iterator();
    while (it.hasNext()) {
      gone.add(it.next().delivery);
      it.remove();
    }
    for (PendingDelivery d : gone) {
      removed.add(d.seq());
      forget(user, d, inbox);
    }
    return removed;
  }

  private void forget(String user, PendingDelivery delivery, Inbox inbox) {
    total--;
    inbox.bytes -= delivery.bytes();
    List<String> users = recipients.get(delivery.seq());
    if (users != null) {
      users.remove(user);
      if (users.isEmpty()) {
        recipients.remove(delivery.seq());
        totalBytes -= delivery.bytes();
        bytesBySender.computeIfPresent(delivery.sender(), (s, b) -> b == delivery.bytes() ? null : b - delivery.bytes());
      }
    }
    if (inbox.entries.isEmpty()) {
      inboxes.remove(user);
    }
  }

  @Override
  public int size(String user) {
    Inbox inbox = inboxes.get(user);
    return inbox == null ? 0 : inbox.entries.size();
  }

  @Override
  public long bytes(String user) {
    Inbox inbox = inboxes.get(user);
    return inbox == null ? 0 : inbox.bytes;
  }

  @Override
  public long total() {
    return total;
  }

  @Override
  public long totalBytes() {
    return totalBytes;
  }

  @Override
  public long bytesFrom(String sender) {
    return bytesBySender.getOrDefault(sender, 0L);
  }

  @Override
  public void markSent(String user, long seq) {
    Entry e = entry(user, seq);
    if (e != null) {
      e.sent = true;
    }
  }

  @Override
  public boolean wasSent(String user, long seq) {
    Entry e = entry(user, seq);
    return e != null && e.sent;
  }

  private Entry entry(String user, long seq) {
    Inbox inbox = inboxes.get(user);
    return inbox == null ? null : inbox.entries.get(seq);
  }
}
