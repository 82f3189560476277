package io.longlink.server.messaging;

import io.longlink.server.metrics.ServerMetrics;
import io.longlink.server.store.Backlog;
import io.longlink.server.store.MessageStore;
import io.longlink.server.store.Outgoing;
import io.longlink.server.store.PendingDelivery;
import io.longlink.server.store.PresenceStore;
import io.longlink.server.store.StoreUnavailable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends this node's sessions what the store holds for their users: a new session's backlog
 * right after its auth_ok (LL-DLV-4), new deliveries as news of them comes (from this node or
 * another), and, when an ack does not come in time, the delivery again (LL-DLV-2). Each node
 * redelivers on its own sessions only, so that every delivery has one node responsible for each
 * session it was sent on; an ack on any node settles it for all (the store holds it once).
 */
final class Delivery {

  private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

  /** The outcome of a session asking to be admitted. */
  enum Admitted {
    YES,
    TOO_MANY_CONNECTIONS
  }

  private final MessageStore store;
  private final PresenceStore presence;
  private final LocalSessions sessions;
  private final UserLocks locks;
  private final RedeliveryTimers timers;
  private final ServerMetrics metrics;
  private final long maxConnectionsPerUser;

  Delivery(MessageStore store, PresenceStore presence, LocalSessions sessions, UserLocks locks,
      ScheduledExecutorService scheduler, long ackTimeoutMs, LongSupplier nanoTime, ServerMetrics metrics,
      long maxConnectionsPerUser) {
    this.store = store;
    this.presence = presence;
    this.sessions = sessions;
    this.locks = locks;
    this.timers = new RedeliveryTimers(scheduler, ackTimeoutMs, nanoTime, this::redeliverDue);
    this.metrics = metrics;
    this.maxConnectionsPerUser = maxConnectionsPerUser;
  }

  RedeliveryTimers timers() {
    return timers;
  }

  /**
   * Admits a session when its user has fewer than the limit (LL-LIM-6), anywhere in the cluster.
   * {@code onAdmitted} gets the history's epoch and sends auth_ok; the backlog follows, in seq
   * order: above {@code lastSeq} when {@code epoch} is the store's, every pending delivery
   * otherwise (LL-DLV-6, LL-DLV-13).
   */
  Admitted admit(ClientSession session, Long lastSeq, String epoch, Consumer<String> onAdmitted) {
    String user = session.userId();
    locks.enter(user);
    try {
      if (!presence.admit(user, session.sessionId(), maxConnectionsPerUser)) {
        return Admitted.TOO_MANY_CONNECTIONS;
      }
      LocalSessions.Member member = sessions.add(session);
      Backlog backlog;
      try {
        backlog = store.backlog(user, lastSeq, epoch);
      } catch (RuntimeException e) {
        // Not admitted after all: the session must count nowhere.
        sessions.remove(session);
        presence.depart(user, session.sessionId());
        throw e;
      }
      onAdmitted.accept(backlog.epoch());
      // LL-DLV-7: the backlog goes in increasing seq order.
      for (Outgoing o : backlog.deliveries()) {
        session.deliver(o.delivery(), o.redelivered());
        metrics.deliverySent(o.redelivered());
        timers.start(user, o.delivery().seq());
      }
      member.sentUpTo = backlog.highestSeq();
      return Admitted.YES;
    } finally {
      locks.exit(user);
    }
  }

  /** Forgets a closed session; the user's pending deliveries (LL-DLV-5) and rooms (LL-ROOM-5) wait for the next one. */
  void depart(ClientSession session) {
    String user = session.userId();
    locks.enter(user);
    try {
      if (!sessions.remove(session)) {
        return;
      }
      presence.depart(user, session.sessionId());
      if (!sessions.has(user)) {
        // LL-ROOM-5: memberships outlive connections; LL-DLV-5: so do deliveries sent and not acked.
        timers.cancelAll(user);
      }
    } finally {
      locks.exit(user);
    }
  }

  /**
   * Sends the user's sessions here what is pending above what each was sent; news for a user
   * with no session here is dropped. A store that cannot be reached leaves the deliveries pending:
   * the next news, the next session's backlog or a resync sends them.
   */
  void wake(String user) {
    if (!sessions.has(user)) {
      return;
    }
    locks.enter(user);
    try {
      List<LocalSessions.Member> members = sessions.of(user);
      if (members.isEmpty()) {
        return;
      }
      long from = Long.MAX_VALUE;
      for (LocalSessions.Member m : members) {
        from = Math.min(from, m.sentUpTo);
      }
      for (Outgoing o : store.unsentAbove(user, from)) {
        long seq = o.delivery().seq();
        // LL-CHAT-3: to every session the recipient has; LL-DLV-7: each only above what it was sent.
        for (LocalSessions.Member m : members) {
          if (seq > m.sentUpTo) {
            m.session.deliver(o.delivery(), o.redelivered());
            metrics.deliverySent(o.redelivered());
            m.sentUpTo = seq;
          }
        }
        timers.start(user, seq);
      }
    } catch (StoreUnavailable e) {
      LOG.warn("could not read the pending deliveries of {}: {}", user, e.getMessage());
    } finally {
      locks.exit(user);
    }
  }

  /** Looks at every user with a session here: news for them may have been missed. */
  void wakeAll() {
    for (String user : sessions.users()) {
      wake(user);
    }
  }

  /** Sends again, in seq order, the deliveries of {@code user} whose ack did not come in time (LL-DLV-2). */
  private void redeliverDue(String user) {
    locks.enter(user);
    try {
      List<LocalSessions.Member> members = sessions.of(user);
      for (long seq : timers.due(user)) {
        Optional<PendingDelivery> d;
        try {
          d = members.isEmpty() ? Optional.empty() : store.resend(user, seq);
        } catch (StoreUnavailable e) {
          // Tried again an ack timeout from now.
          LOG.warn("could not read delivery {} of {} to send it again: {}", seq, user, e.getMessage());
          timers.start(user, seq);
          continue;
        }
        if (d.isEmpty()) {
          continue;
        }
        for (LocalSessions.Member m : members) {
          m.session.deliver(d.get(), true);
          metrics.deliverySent(true);
        }
        timers.start(user, seq);
      }
    } finally {
      locks.exit(user);
    }
  }
}
