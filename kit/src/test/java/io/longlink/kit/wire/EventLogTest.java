package io.longlink.kit.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.model.Pong;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventLogTest {

  private static WireEvent pong(String id) {
    return new WireEvent(WireEvent.Kind.MESSAGE, System.nanoTime(), new Pong(id, 1L), "{\"type\":\"pong\",\"id\":\"" + id + "\"}", 0, null);
  }

  private static WireEvent close(int code) {
    return new WireEvent(WireEvent.Kind.CLOSE, System.nanoTime(), null, null, code, "bye");
  }

  private static boolean pongWithId(WireEvent e, String id) {
    return e.message() instanceof Pong p && id.equals(p.id());
  }

  @Test
  void aWaitTakesTheFirstMatchAndLeavesTheOthersForLater() throws Exception {
    EventLog log = new EventLog();
    log.add(pong("a"), false);
    log.add(pong("b"), false);
    assertTrue(log.take(e -> pongWithId(e, "b"), EventLog.deadline(0)).found());
    assertEquals(1, log.unconsumed().size());
    assertTrue(log.take(e -> pongWithId(e, "a"), EventLog.deadline(0)).found());
    assertTrue(log.unconsumed().isEmpty());
  }

  @Test
  void aWaitEndsAtTheCloseAndSaysWhatItSaw() throws Exception {
    EventLog log = new EventLog();
    log.add(pong("a"), false);
    log.add(close(4000), false);
    EventLog.Outcome outcome = log.take(e -> pongWithId(e, "b"), EventLog.deadline(5_000));
    assertFalse(outcome.found());
    assertEquals(4000, outcome.closedFirst().code());
    assertEquals(2, outcome.seen().size());
  }

  @Test
  void aWaitWakesUpWhenTheEventArrives() throws Exception {
    EventLog log = new EventLog();
    CompletableFuture<EventLog.Outcome> waiting = CompletableFuture.supplyAsync(() -> {
      try {
        return log.take(e -> pongWithId(e, "late"), EventLog.deadline(5_000));
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    log.add(pong("early"), false);
    log.add(pong("late"), false);
    assertTrue(waiting.get(5, TimeUnit.SECONDS).found());
  }

  @Test
  void transparentEventsAreNeverReturnedNorShown() throws Exception {
    EventLog log = new EventLog();
    log.add(pong("keepalive"), true);
    EventLog.Outcome outcome = log.take(e -> true, EventLog.deadline(0));
    assertFalse(outcome.found());
    assertEquals(List.of(), outcome.seen());
    assertTrue(log.watch(e -> true, EventLog.deadline(0)).isEmpty());
    assertEquals(1, log.all().size(), "the history keeps everything");
  }

  @Test
  void watchingDoesNotConsume() throws Exception {
    EventLog log = new EventLog();
    log.add(pong("a"), false);
    assertTrue(log.watch(e -> pongWithId(e, "a"), EventLog.deadline(0)).isPresent());
    assertTrue(log.take(e -> pongWithId(e, "a"), EventLog.deadline(0)).found());
  }
}
