package io.longlink.kit.client.harness;

import io.longlink.kit.CheckFailure;
import io.longlink.kit.client.harness.HarnessEvent.Kind;
import java.time.Duration;
import io.longlink.kit.wire.TranscriptEvent;
import io.longlink.kit.wire.TranscriptEvent.Direction;
import io.longlink.kit.wire.TranscriptRecorder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Everything the harness saw and did in one scenario, in order, with the problems it found in
 * the client's frames. Steps wait on it with deadlines: a wait that runs out fails with what was
 * expected and what came instead, never after a sleep.
 *
 * <p>Waits read forward from a cursor, so that a step sees what happened after the previous
 * step's wait and not an older event of the same kind.
 */
public final class Recorder {

  private static final int SHOWN_WHEN_FAILING = 12;

  private final long startNanos = System.nanoTime();
  private final List<HarnessEvent> events = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  /** The wire transcript of the scenario that made this recorder (its thread's), for its reports. */
  private final TranscriptRecorder transcript = TranscriptRecorder.current();
  private final Set<Integer> ended = new HashSet<>();
  private int cursor;

  synchronized void add(HarnessEvent event) {
    events.add(event);
    transcribe(event);
    notifyAll();
  }

  /**
   * The event in the scenario's transcript, seen as on a server check's: the connection is the
   * client's, "sent" goes towards the server (the harness), "received" comes from it.
   */
  private void transcribe(HarnessEvent e) {
    TranscriptRecorder.Connection c = transcript.connection("the client's connection #" + (e.connection() + 1));
    int code = e.code() == null ? 0 : e.code();
    switch (e.kind()) {
      case UPGRADE -> c.record(Direction.SENT, TranscriptEvent.Kind.OPEN, e.text(), 0, null);
      case REFUSED -> c.record(Direction.RECEIVED, TranscriptEvent.Kind.OPEN_FAILED, e.text(), 0, null);
      case FRAME_IN -> c.record(Direction.SENT, TranscriptEvent.Kind.TEXT, e.text(), 0, null);
      case FRAME_OUT -> c.record(Direction.RECEIVED, TranscriptEvent.Kind.TEXT, e.text(), 0, null);
      case CLOSE_IN, CLOSE_OUT -> {
        ended.add(e.connection());
        c.record(e.kind() == Kind.CLOSE_IN ? Direction.SENT : Direction.RECEIVED, TranscriptEvent.Kind.CLOSE, null, code,
            e.text());
      }
      case DROP -> {
        ended.add(e.connection());
        c.record(Direction.RECEIVED, TranscriptEvent.Kind.END, null, 0, "dropped by the kit's harness");
      }
      case TCP_END -> {
        // After a close or a drop the end of the stream says nothing more.
        if (ended.add(e.connection())) {
          c.record(Direction.SENT, TranscriptEvent.Kind.END, null, 0, "the client ended the connection");
        }
      }
      case TCP_ACCEPT, ATTEMPT -> {
        // The upgrade that follows at once is drawn; these two only time reconnect attempts.
      }
    }
  }

  /** A breach of a client rule seen on the wire: "LL-TR-5: connection #1 sent a binary frame". */
  synchronized void problem(String ruleId, String what) {
    problems.add(ruleId + ": " + what);
  }

  /** The time every event is shown relative to. */
  public long startNanos() {
    return startNanos;
  }

  /** The next event of this kind after the cursor; the cursor moves past it. */
  public HarnessEvent next(Kind kind, Duration timeout) {
    return next(kind.name(), e -> e.kind() == kind, timeout);
  }

  /** The next event that matches, after the cursor; the cursor moves past it. */
  public synchronized HarnessEvent next(String what, Predicate<HarnessEvent> match, Duration timeout) {
    int found = await(cursor, what, match, timeout);
    cursor = found + 1;
    return events.get(found);
  }

  /**
   * The first event that matches among all of the scenario's, before the cursor too, waiting
   * until the timeout for one to come; the cursor does not move. For what may arrive in any
   * order, as the acks of several deliveries do.
   */
  public synchronized HarnessEvent anyTime(String what, Predicate<HarnessEvent> match, Duration timeout) {
    return events.get(await(0, what, match, timeout));
  }

  /** The index of the first matching event from {@code from} on, waiting until the timeout; else the failure. */
  private int await(int from, String what, Predicate<HarnessEvent> match, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (int i = from; i < events.size(); i++) {
        if (match.test(events.get(i))) {
          return i;
        }
      }
      from = events.size();
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new CheckFailure(what + " within " + timeout.toMillis() + " ms", sawSince(cursor));
      }
      waitNanos(left);
    }
  }

  /**
   * Watches a window: the first matching event after the cursor within it, or empty once the
   * window has passed without one. The cursor does not move, so the caller can judge it further.
   */
  public synchronized Optional<HarnessEvent> within(Predicate<HarnessEvent> match, Duration window) {
    long deadline = System.nanoTime() + window.toNanos();
    int from = cursor;
    while (true) {
      for (int i = from; i < events.size(); i++) {
        if (match.test(events.get(i))) {
          return Optional.of(events.get(i));
        }
      }
      from = events.size();
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      waitNanos(left);
    }
  }

  /** Moves the cursor to the end: later waits see only what happens from now on. */
  public synchronized void skipToNow() {
    cursor = events.size();
  }

  /** Every event so far. */
  public synchronized List<HarnessEvent> all() {
    return List.copyOf(events);
  }

  /** The problems found so far. */
  public synchronized List<String> problems() {
    return List.copyOf(problems);
  }

  /** The events after an index, for failure messages: "nothing" or the last few, with times. */
  public synchronized String sawSince(int index) {
    if (index >= events.size()) {
      return "nothing (since +" + (System.nanoTime() - startNanos) / 1_000_000 + " ms the harness saw no such event)";
    }
    List<String> shown = new ArrayList<>();
    int first = Math.max(index, events.size() - SHOWN_WHEN_FAILING);
    if (first > index) {
      shown.add("(" + (first - index) + " earlier events)");
    }
    for (int i = first; i < events.size(); i++) {
      shown.add(events.get(i).describe(startNanos));
    }
    return String.join("; ", shown);
  }

  private void waitNanos(long nanos) {
    try {
      wait(Math.max(1, nanos / 1_000_000), 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the client", e);
    }
  }
}
