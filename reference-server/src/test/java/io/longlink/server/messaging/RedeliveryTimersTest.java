package io.longlink.server.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deadlines on a clock of the test's own: the scheduler only wakes the user up, and what is due
 * then is decided by that clock, so that no outcome depends on how busy the machine is.
 */
class RedeliveryTimersTest {

  private static final long TIMEOUT_MS = 20;
  private static final long TIMEOUT_NANOS = TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);

  private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final BlockingQueue<String> woken = new LinkedBlockingQueue<>();
  private final RedeliveryTimers timers = new RedeliveryTimers(scheduler, TIMEOUT_MS, now::get, woken::add);

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private String nextWakeUp() throws InterruptedException {
    String user = woken.poll(10, TimeUnit.SECONDS);
    if (user == null) {
      throw new AssertionError("no wake-up within 10 s of a " + TIMEOUT_MS + " ms timer");
    }
    return user;
  }

  @Test
  void whatWasNotAcknowledgedIsDueInSeqOrder() throws InterruptedException {
    timers.start("alice", 7);
    timers.start("alice", 5);
    timers.start("alice", 6);
    timers.cancel("alice", 6);
    assertEquals("alice", nextWakeUp());
    now.addAndGet(TIMEOUT_NANOS);
    assertEquals(List.of(5L, 7L), timers.due("alice"));
    assertEquals(0, timers.running());
  }

  @Test
  void aDeadlineStillAheadWaitsForAWakeUpOfItsOwn() throws InterruptedException {
    timers.start("alice", 1);
    now.addAndGet(TIMEOUT_NANOS / 2);
    timers.start("alice", 2);
    assertEquals("alice", nextWakeUp());
    now.addAndGet(TIMEOUT_NANOS / 2);
    assertEquals(List.of(1L), timers.due("alice"));
    assertEquals(1, timers.running());
    assertEquals("alice", nextWakeUp());
    now.addAndGet(TIMEOUT_NANOS / 2);
    assertEquals(List.of(2L), timers.due("alice"));
  }

  @Test
  void aWakeUpTooEarlyFindsNothingDueAndKeepsTheDeadline() throws InterruptedException {
    timers.start("bob", 3);
    assertEquals("bob", nextWakeUp());
    assertEquals(List.of(), timers.due("bob"), "the test's clock has not moved: nothing is due yet");
    assertEquals(1, timers.running());
    assertEquals("bob", nextWakeUp());
    now.addAndGet(TIMEOUT_NANOS);
    assertEquals(List.of(3L), timers.due("bob"));
  }

  @Test
  void aRestartedTimerIsDueAnAckTimeoutAfterTheRestart() throws InterruptedException {
    timers.start("bob", 1);
    timers.start("bob", 2);
    now.addAndGet(TIMEOUT_NANOS / 2);
    timers.start("bob", 1);
    now.addAndGet(TIMEOUT_NANOS / 2);
    assertEquals("bob", nextWakeUp());
    assertEquals(List.of(2L), timers.due("bob"));
  }

  @Test
  void whenTheLastSessionEndsNothingWakesUp() throws InterruptedException {
    timers.start("carol", 1);
    timers.cancelAll("carol");
    assertNull(woken.poll(10 * TIMEOUT_MS, TimeUnit.MILLISECONDS), "a cancelled user was woken");
    assertEquals(List.of(), timers.due("carol"));
  }
}
