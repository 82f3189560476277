package io.longlink.server.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Writes asked for under the hub's lock wait for the outermost release; outside it they run at once. */
class DeferredSendsTest {

  @Test
  void outsideTheLockAFlushRunsAtOnce() {
    List<String> done = new ArrayList<>();
    DeferredSends.flush(() -> done.add("now"));
    assertEquals(List.of("now"), done);
  }

  @Test
  void underTheLockFlushesWaitForTheOutermostEndInOrder() {
    List<String> done = new ArrayList<>();
    DeferredSends.begin();
    DeferredSends.flush(() -> done.add("a"));
    DeferredSends.begin();
    DeferredSends.flush(() -> done.add("b"));
    DeferredSends.end();
    assertEquals(List.of(), done, "an inner end writes nothing: the lock is still held");
    DeferredSends.end();
    assertEquals(List.of("a", "b"), done);
  }

  @Test
  void aFlushThatTakesTheLockAgainQueuesBehindTheOthers() {
    List<String> done = new ArrayList<>();
    DeferredSends.begin();
    DeferredSends.flush(() -> {
      done.add("a");
      // A write failing on a dead socket closes the connection, whose departure takes the lock again.
      DeferredSends.begin();
      DeferredSends.flush(() -> done.add("from the close"));
      DeferredSends.end();
    });
    DeferredSends.flush(() -> done.add("b"));
    DeferredSends.end();
    assertEquals(List.of("a", "b", "from the close"), done);
  }
}
