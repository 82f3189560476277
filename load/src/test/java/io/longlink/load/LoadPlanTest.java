package io.longlink.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A plan says everything that is wrong with it at once, naming the option and what it takes. */
class LoadPlanTest {

  private static LoadPlan plan(String uri, int connections, int rate, Duration warmup, Duration duration, double chaos) {
    return new LoadPlan(URI.create(uri), u -> "t", u -> Optional.empty(), connections, rate, warmup, duration, chaos, 64,
        100, Duration.ofSeconds(20), "abc123");
  }

  @Test
  void everyProblemIsNamedWithWhatIsAllowed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> plan("http://127.0.0.1/ws", 1, 0, Duration.ofSeconds(-1), Duration.ZERO, 1.5));
    for (String part : new String[] {"ws:// or wss://", "--connections is 1; give 2-100000", "--rate is 0",
        "--warmup is -1000 ms", "--duration is 0 ms; give 1s to 24h", "--chaos is 1.5; give the share"}) {
      assertTrue(e.getMessage().contains(part), () -> "missing '" + part + "' in: " + e.getMessage());
    }
  }

  @Test
  void aRunTooLongForItsRateIsRefusedWithWhatToChange() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> plan("ws://127.0.0.1/ws", 10, 1_000_000, Duration.ZERO, Duration.ofHours(24), 0));
    assertTrue(e.getMessage().contains("a run sends at most 500000000") && e.getMessage().contains("lower --rate"),
        e::getMessage);
  }

  @Test
  void theWarmUpIsSentAtTheSameRateBeforeTheMeasuredPart() {
    LoadPlan p = plan("ws://127.0.0.1/ws", 10, 250, Duration.ofSeconds(2), Duration.ofSeconds(4), 0);
    assertEquals(500, p.warmupChats());
    assertEquals(1_500, p.chats());
    assertEquals("load-abc123-7", p.user(7));
  }
}
