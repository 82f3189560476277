package io.longlink.server.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A connection's writes leave in the order asked for, one thread at a time, whichever threads ask. */
class OrderedWritesTest {

  @Test
  void writesFromManyThreadsKeepEachThreadsOrderAndNeverOverlap() throws Exception {
    OrderedWrites writes = new OrderedWrites();
    int threads = 4;
    int each = 5_000;
    List<int[]> written = new ArrayList<>();
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      int thread = t;
      new Thread(() -> {
        try {
          start.await();
          for (int i = 0; i < each; i++) {
            int n = i;
            writes.add(() -> {
              if (inside.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
              }
              written.add(new int[] {thread, n});
              inside.decrementAndGet();
            });
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          done.countDown();
        }
      }).start();
    }
    start.countDown();
    assertTrue(done.await(30, TimeUnit.SECONDS), "the writers finished");
    // Queued behind every write of every thread: when it runs, they all have.
    CountDownLatch drained = new CountDownLatch(1);
    writes.add(drained::countDown);
    assertTrue(drained.await(30, TimeUnit.SECONDS), "the writes were drained");
    assertEquals(0, overlaps.get(), "two threads wrote at once");
    assertEquals(threads * each, written.size(), "every write ran once");
    int[] next = new int[threads];
    for (int[] w : written) {
      assertEquals(next[w[0]]++, w[1], "thread " + w[0] + "'s writes left out of order");
    }
  }
}
