package io.longlink.kit.client.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.kit.CheckFailure;
import io.longlink.kit.client.harness.HarnessEvent.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RecorderTest {

  private final Recorder recorder = new Recorder();

  @Test
  void aWaitThatRunsOutSaysWhatWasExpectedAndThatNothingCame() {
    long start = System.nanoTime();
    CheckFailure failure = assertThrows(CheckFailure.class, () -> recorder.next(Kind.TCP_ACCEPT, Duration.ofMillis(150)));
    assertTrue((System.nanoTime() - start) / 1_000_000 >= 150, "waited the whole deadline");
    assertTrue(failure.getMessage().startsWith("expected TCP_ACCEPT within 150 ms; saw nothing"), failure.getMessage());
  }

  @Test
  void aWaitThatRunsOutListsWhatCameInstead() {
    recorder.add(new HarnessEvent(Kind.TCP_ACCEPT, 0, System.nanoTime(), null, null, null));
    recorder.add(new HarnessEvent(Kind.CLOSE_OUT, 0, System.nanoTime(), "bye", null, 1011));
    CheckFailure failure = assertThrows(CheckFailure.class, () -> recorder.next(Kind.CLOSE_IN, Duration.ofMillis(50)));
    assertTrue(failure.getMessage().contains("#0 TCP_ACCEPT"), failure.getMessage());
    assertTrue(failure.getMessage().contains("#0 CLOSE_OUT 1011 bye"), failure.getMessage());
  }

  @Test
  void waitsReadForwardFromTheCursor() {
    recorder.add(new HarnessEvent(Kind.TCP_ACCEPT, 0, System.nanoTime(), null, null, null));
    recorder.add(new HarnessEvent(Kind.TCP_ACCEPT, 1, System.nanoTime(), null, null, null));
    assertEquals(0, recorder.next(Kind.TCP_ACCEPT, Duration.ofMillis(10)).connection());
    assertEquals(1, recorder.next(Kind.TCP_ACCEPT, Duration.ofMillis(10)).connection());
    assertTrue(recorder.within(e -> e.kind() == Kind.TCP_ACCEPT, Duration.ofMillis(20)).isEmpty());
  }
}
