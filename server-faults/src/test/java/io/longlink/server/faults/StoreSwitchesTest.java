package io.longlink.server.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.server.config.ConfigException;
import io.longlink.server.config.Profile;
import io.longlink.server.config.ServerConfig;
import io.longlink.server.store.StoreUnavailable;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A switch that breaks its rule in the in-memory store is refused on a server whose state is in Redis, never ignored. */
class StoreSwitchesTest {

  private static ServerConfig onRedis() throws Exception {
    int port;
    // A port nobody listens on: the refusal comes before any connection, the rest meets no Redis.
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = free.getLocalPort();
    }
    return ServerConfig.builder(Profile.FAST).host("127.0.0.1").port(0)
        .jwtSecret("store-switches-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8))
        .store("redis://127.0.0.1:" + port).build();
  }

  @Test
  void aSwitchInTheMemoryStoreIsRefusedWithRedisAndSaysWhatToDo() throws Exception {
    ConfigException refused = assertThrows(ConfigException.class,
        () -> FaultyServer.start(onRedis(), List.of(Violation.HB_2, Violation.DLV_7, Violation.DD_4)));
    assertEquals(2, refused.problems().size(), refused.getMessage());
    assertTrue(refused.problems().get(0).startsWith("--violate LL-DLV-7 breaks its rule in the in-memory store"),
        refused.getMessage());
    assertTrue(refused.problems().get(1).startsWith("--violate LL-DD-4 "), refused.getMessage());
    assertTrue(refused.getMessage().contains("leave out --store"), refused.getMessage());
  }

  @Test
  void aSwitchOnTheWireGoesOnToTheStore() throws Exception {
    // Past the check, the server connects to its store: here none, which shows the switch was not refused.
    assertThrows(StoreUnavailable.class, () -> FaultyServer.start(onRedis(), List.of(Violation.HB_2)));
  }
}
