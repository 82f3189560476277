package io.longlink.server.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.server.connection.OutboundQueue.Offer;
import org.junit.jupiter.api.Test;

/** A connection's outbound queue counts bytes against its own bound and the shared total (LL-LIM-7, LL-LIM-11). */
class OutboundQueueTest {

  @Test
  void bytesCountUntilWrittenAndTheQueueBoundRefusesTheFrameThatWouldPassIt() {
    OutboundBudget budget = new OutboundBudget(10_000);
    OutboundQueue queue = new OutboundQueue(100, 1_000, budget);
    assertEquals(Offer.QUEUED, queue.offer(600));
    assertEquals(Offer.QUEUED, queue.offer(400));
    assertEquals(Offer.FULL, queue.offer(1));
    assertEquals(1_000, queue.bytes());
    assertEquals(1_000, budget.used());
    queue.written(600);
    assertEquals(400, queue.bytes());
    assertEquals(400, budget.used());
    assertEquals(Offer.QUEUED, queue.offer(600));
  }

  @Test
  void theFrameBoundStillHolds() {
    OutboundQueue queue = new OutboundQueue(2, 1_000_000, new OutboundBudget(1_000_000));
    assertEquals(Offer.QUEUED, queue.offer(1));
    assertEquals(Offer.QUEUED, queue.offer(1));
    assertEquals(Offer.FULL, queue.offer(1));
  }

  @Test
  void theSharedTotalRefusesWhatWouldPassIt() {
    OutboundBudget budget = new OutboundBudget(1_500);
    OutboundQueue a = new OutboundQueue(100, 1_000, budget);
    OutboundQueue b = new OutboundQueue(100, 1_000, budget);
    assertEquals(Offer.QUEUED, a.offer(1_000));
    assertEquals(Offer.OVER_BUDGET, b.offer(600));
    assertEquals(0, b.bytes(), "a refused frame is not counted");
    assertEquals(Offer.QUEUED, b.offer(500));
    assertEquals(1_500, budget.used());
  }

  @Test
  void aDroppedQueueGivesItsBytesBackAtOnceAndTakesNothingMore() {
    OutboundBudget budget = new OutboundBudget(2_000);
    OutboundQueue queue = new OutboundQueue(100, 1_000, budget);
    queue.offer(700);
    assertTrue(queue.drop());
    assertFalse(queue.drop(), "dropped once");
    assertEquals(0, budget.used());
    assertEquals(Offer.DROPPED, queue.offer(1));
    queue.written(700);
    assertEquals(0, budget.used(), "a write completing after the drop is not given back twice");
  }
}
