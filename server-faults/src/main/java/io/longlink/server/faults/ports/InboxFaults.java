package io.longlink.server.faults.ports;

import io.longlink.server.faults.wire.Peers;
import io.longlink.server.store.InboxStore;
import io.longlink.server.store.PendingDelivery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Inboxes that lose, reorder or settle what they should not. The hub calls them under its lock,
 * as it calls the real one, so what a fault does on a call is as atomic as the call.
 */
public final class InboxFaults {

  private InboxFaults() {}

  /** LL-DLV-4: chats to users who have no session dropped. */
  public static InboxStore dropsForOffline(InboxStore inbox, Peers peers) {
    return new ForwardingInbox(inbox) {
      @Override
      public void append(String user, PendingDelivery delivery) {
        if (peers.connected(user)) {
          inbox.append(user, delivery);
        }
      }
    };
  }

  /** LL-DLV-7: pending deliveries handed out in decreasing seq order. */
  public static InboxStore backlogReversed(InboxStore inbox) {
    return new ForwardingInbox(inbox) {
      @Override
      public List<PendingDelivery> pending(String user) {
        List<PendingDelivery> backlog = new ArrayList<>(inbox.pending(user));
        Collections.reverse(backlog);
        return backlog;
      }
    };
  }

  /**
   * LL-DLV-8: a full queue drops its oldest deliveries to make room, by count or by bytes; it
   * never tells the hub it is full.
   */
  public static InboxStore dropsOldest(InboxStore inbox, long maxPending, long maxPendingBytes) {
    return new ForwardingInbox(inbox) {
      @Override
      public void append(String user, PendingDelivery delivery) {
        while (inbox.size(user) > 0
            && (inbox.size(user) >= maxPending || inbox.bytes(user) + delivery.bytes() > maxPendingBytes)) {
          inbox.remove(user, inbox.pending(user).get(0).seq());
        }
        inbox.append(user, delivery);
      }

      @Override
      public int size(String user) {
        return (int) Math.min(inbox.size(user), maxPending - 1);
      }

      @Override
      public long bytes(String user) {
        return 0;
      }
    };
  }

  /** LL-DLV-10: one recipient's ack settles every recipient's delivery of that seq. */
  public static InboxStore settlesForAll(InboxStore inbox) {
    Map<Long, Set<String>> recipients = new HashMap<>();
    return new ForwardingInbox(inbox) {
      @Override
      public void append(String user, PendingDelivery delivery) {
        inbox.append(user, delivery);
        recipients.computeIfAbsent(delivery.seq(), s -> new LinkedHashSet<>()).add(user);
      }

      @Override
      public boolean remove(String user, long seq) {
        boolean removed = inbox.remove(user, seq);
        for (String other : recipients.getOrDefault(seq, Set.of())) {
          removed |= inbox.remove(other, seq);
        }
        recipients.remove(seq);
        return removed;
      }
    };
  }

  /**
   * LL-DLV-5: the deliveries sent on a connection forgotten when the user's last connection
   * closes. The forgetting happens on the inbox's next call, which the hub makes under its lock.
   */
  public static InboxStore forgetsSentOnClose(InboxStore inbox, Departures departures) {
    return new Departing(inbox, departures, user -> {
      for (PendingDelivery d : inbox.pending(user)) {
        if (inbox.wasSent(user, d.seq())) {
          inbox.remove(user, d.seq());
        }
      }
    });
  }

  private static final class Departing extends ForwardingInbox {
    private final Departures departures;
    private final java.util.function.Consumer<String> forget;

    Departing(InboxStore inbox, Departures departures, java.util.function.Consumer<String> forget) {
      super(inbox);
      this.departures = departures;
      this.forget = forget;
    }

    private void settle() {
      departures.drain(forget);
    }

    @Override
    public void append(String user, PendingDelivery delivery) {
      settle();
      inbox.append(user, delivery);
    }

    @Override
    public List<PendingDelivery> pending(String user) {
      settle();
      return inbox.pending(user);
    }

    @Override
    public List<Long> removeUpTo(String user, long seq) {
      settle();
      return inbox.removeUpTo(user, seq);
    }

    @Override
    public boolean remove(String user, long seq) {
      settle();
      return inbox.remove(user, seq);
    }
  }
}
