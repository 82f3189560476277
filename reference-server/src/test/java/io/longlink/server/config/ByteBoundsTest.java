package io.longlink.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.longlink.protocol.SessionParameter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The byte bounds of LL-LIM-7 and LL-LIM-11: derived from the heap unless set, and validated in the operator's terms. */
class ByteBoundsTest {

  private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final long MIB = 1L << 20;

  @Test
  void theTotalsAreAQuarterOfTheHeapEach() {
    ServerConfig config = ServerConfig.builder(Profile.DEFAULT).jwtSecret(SECRET).heapBytes(1_024 * MIB).build();
    assertEquals(256 * MIB, config.maxTotalPendingBytes());
    assertEquals(32 * MIB, config.maxPendingBytesPerSender(), "an eighth of the total");
    assertEquals(256 * MIB, config.maxTotalOutboundBytes());
    assertEquals(32 * MIB, config.maxOutboundBytes(), "twice delivery.max_pending_bytes (16 MiB)");
  }

  @Test
  void aSmallHeapStillHoldsOneFullQueue() {
    ServerConfig config = ServerConfig.builder(Profile.DEFAULT).jwtSecret(SECRET).heapBytes(32 * MIB).build();
    assertEquals(16 * MIB, config.maxTotalPendingBytes(), "one user's delivery.max_pending_bytes");
    assertEquals(16 * MIB, config.maxPendingBytesPerSender(), "enough for one sender to fill one queue");
    assertEquals(32 * MIB, config.maxTotalOutboundBytes(), "one connection's bound");
  }

  @Test
  void flagsOverrideTheDerivedBounds() {
    ServerConfig config = ServerConfig.builder(Profile.FAST).jwtSecret(SECRET).heapBytes(1_024 * MIB)
        .maxOutboundBytes(MIB).maxTotalPendingBytes(10 * MIB).maxTotalOutboundBytes(20 * MIB).maxPendingBytesPerSender(3 * MIB)
        .build();
    assertEquals(3 * MIB, config.maxPendingBytesPerSender());
    assertEquals(MIB, config.maxOutboundBytes());
    assertEquals(10 * MIB, config.maxTotalPendingBytes());
    assertEquals(20 * MIB, config.maxTotalOutboundBytes());
  }

  @Test
  void boundsTooSmallForWhatTheyHaveToHoldAreReportedWithTheirFlags() {
    ConfigException e = assertThrows(ConfigException.class, () -> ServerConfig.builder(Profile.DEFAULT).jwtSecret(SECRET)
        .set(SessionParameter.MAX_PENDING_BYTES, 100_000L)
        .maxOutboundBytes(1_000L).maxTotalPendingBytes(50_000L).maxTotalOutboundBytes(500L).build());
    assertEquals(List.of(
        "--max-pending-bytes is 100000; it has to be at least twice --max-message-bytes (2 x 65536 = 131072), so that one largest chat"
            + " always fits in an empty queue",
        "--max-outbound-bytes is 1000; use 231072-1099511627776: at least --max-pending-bytes (100000) plus twice"
            + " --max-message-bytes (65536), so that a session's whole backlog and a largest message fit in its queue",
        "--max-total-pending-bytes is 50000; use 100000-1099511627776: at least --max-pending-bytes (100000)",
        "--max-pending-bytes-per-sender is 100000; use 100000-50000: at least --max-pending-bytes (100000), at most"
            + " --max-total-pending-bytes",
        "--max-total-outbound-bytes is 500; use 1000-1099511627776: at least --max-outbound-bytes (1000)"), e.problems());
  }
}
