package io.longlink.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A plan says everything that is wrong with it at once, naming the option and what it takes. */
class LoadPlanTest {

  private static LoadPlan plan(String uri, int connections, int rate, Duration warmup, Duration duration, double chaos) {
    return plan(uri, connections, rate, warmup, duration, chaos, 0, LoadPlan.Stack.LONGLINK);
  }

  private static LoadPlan plan(String uri, int connections, int rate, Duration warmup, Duration duration, double chaos,
      int roomSize, LoadPlan.Stack stack) {
    return new LoadPlan(List.of(URI.create(uri)), u -> "t", u -> Optional.empty(), connections, rate, warmup, duration,
        chaos, 64, roomSize, stack, 100, Duration.ofSeconds(20), Duration.ZERO, Duration.ZERO, Duration.ZERO, "abc123");
  }

  @Test
  void roomsTakeEveryUserInOneRoomOfTheGivenSize() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> plan("ws://127.0.0.1/ws", 250, 10, Duration.ZERO, Duration.ofSeconds(1), 0, 100, LoadPlan.Stack.LONGLINK));
    assertTrue(e.getMessage().contains("--connections 250 is not a multiple of --room-size 100")
        && e.getMessage().contains("give e.g. --connections 200"), e::getMessage);
    LoadPlan p = plan("ws://127.0.0.1/ws", 300, 10, Duration.ZERO, Duration.ofSeconds(1), 0, 100, LoadPlan.Stack.LONGLINK);
    assertEquals("room-abc123-0", p.room(99));
    assertEquals("room-abc123-1", p.room(100));
    assertEquals(99, p.recipients());
    assertEquals(100, p.places());
  }

  @Test
  void theBareStackEchoesDirectChatsAndCannotResumeAfterChaos() {
    assertEquals(0, plan("ws://127.0.0.1/bare", 10, 10, Duration.ZERO, Duration.ofSeconds(1), 0, 0, LoadPlan.Stack.BARE)
        .recipients());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> plan("ws://127.0.0.1/bare", 10, 10, Duration.ZERO, Duration.ofSeconds(1), 0.1, 0, LoadPlan.Stack.BARE));
    assertTrue(e.getMessage().contains("--chaos needs a Longlink server"), e::getMessage);
  }

  @Test
  void aRestartFallsInsideTheMeasuredPartOfALonglinkRun() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LoadPlan(
        List.of(URI.create("ws://127.0.0.1/ws")), u -> "t", u -> Optional.empty(), 10, 10, Duration.ZERO,
        Duration.ofSeconds(5), 0, 64, 0, LoadPlan.Stack.LONGLINK, 10, Duration.ofSeconds(5), Duration.ofSeconds(5),
        Duration.ZERO, Duration.ZERO, "abc123"));
    assertTrue(e.getMessage().contains("--restart-after is 5000 ms; give a time inside --duration (5 s)"), e::getMessage);
  }

  private static LoadPlan cluster(List<String> nodes, LoadPlan.Stack stack, Duration restartAfter, Duration killAfter) {
    return new LoadPlan(nodes.stream().map(URI::create).toList(), u -> "t", u -> Optional.empty(), 10, 10, Duration.ZERO,
        Duration.ofSeconds(5), 0, 64, 0, stack, 10, Duration.ofSeconds(5), restartAfter, killAfter, Duration.ZERO, "abc123");
  }

  @Test
  void everyNodeIsAWebSocketUrlGivenOnce() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cluster(List.of("ws://127.0.0.1:1/ws",
        "http://127.0.0.1:2/ws", "ws://127.0.0.1:1/ws"), LoadPlan.Stack.LONGLINK, Duration.ZERO, Duration.ZERO));
    assertTrue(e.getMessage().contains("--node http://127.0.0.1:2/ws is not a ws:// or wss:// URL"), e::getMessage);
    assertTrue(e.getMessage().contains("--node ws://127.0.0.1:1/ws is given twice"), e::getMessage);
    LoadPlan p = cluster(List.of("ws://127.0.0.1:1/ws", "wss://127.0.0.1:2/ws"), LoadPlan.Stack.LONGLINK, Duration.ZERO,
        Duration.ZERO);
    assertEquals(URI.create("ws://127.0.0.1:1/ws"), p.uri());
    assertEquals(2, p.nodes().size());
    assertEquals(List.of(URI.create("ws://127.0.0.1:9/ws")), p.withUri(URI.create("ws://127.0.0.1:9/ws")).nodes());
  }

  @Test
  void theBareStackHasNoCluster() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cluster(List.of("ws://127.0.0.1:1/bare",
        "ws://127.0.0.1:2/bare"), LoadPlan.Stack.BARE, Duration.ZERO, Duration.ZERO));
    assertTrue(e.getMessage().contains("--node needs a Longlink cluster"), e::getMessage);
    e = assertThrows(IllegalArgumentException.class, () -> cluster(List.of("ws://127.0.0.1:1/bare"), LoadPlan.Stack.BARE,
        Duration.ZERO, Duration.ofSeconds(1)));
    assertTrue(e.getMessage().contains("--kill-after needs a Longlink cluster"), e::getMessage);
  }

  @Test
  void aKillFallsInsideTheMeasuredPartAndNotBesideARestart() {
    List<String> two = List.of("ws://127.0.0.1:1/ws", "ws://127.0.0.1:2/ws");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> cluster(two, LoadPlan.Stack.LONGLINK, Duration.ZERO, Duration.ofSeconds(5)));
    assertTrue(e.getMessage().contains("--kill-after is 5000 ms; give a time inside --duration (5 s), or 0 for no kill"),
        e::getMessage);
    e = assertThrows(IllegalArgumentException.class,
        () -> cluster(two, LoadPlan.Stack.LONGLINK, Duration.ofSeconds(1), Duration.ofSeconds(2)));
    assertTrue(e.getMessage().contains("--kill-after and --restart-after are two ways to end a server mid-run; give one"),
        e::getMessage);
    assertEquals(Duration.ofSeconds(2), cluster(two, LoadPlan.Stack.LONGLINK, Duration.ZERO, Duration.ofSeconds(2))
        .killAfter());
  }

  @Test
  void aRoomRunTooLongToTrackEveryDeliveryIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> plan("ws://127.0.0.1/ws", 10_000, 100_000, Duration.ZERO, Duration.ofSeconds(100), 0, 1_000,
            LoadPlan.Stack.LONGLINK));
    assertTrue(e.getMessage().contains("deliveries; a run counts at most"), e::getMessage);
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
