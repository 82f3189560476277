package io.longlink.client;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The builder refuses what cannot be right, naming the parameter (LL-SEC-1, LL-SEC-2). */
class EndpointTest {

  private static ClientConfigException refused(String uri, String token) {
    return assertThrows(ClientConfigException.class,
        () -> LonglinkClient.builder(URI.create(uri)).token(token).deliveryHandler(d -> { }).build());
  }

  @Test
  void plainWebSocketOnlyOnLoopback() {
    ClientConfigException e = refused("ws://chat.example.com/ws", "token-123");
    assertEquals("uri", e.parameter());
    assertTrue(e.getMessage().contains("wss://"), e.getMessage());
    for (String host : new String[] {"localhost", "LocalHost", "127.0.0.1", "127.9.8.7", "[::1]"}) {
      assertTrue(Endpoint.isLoopback(URI.create("ws://" + host + ":9/ws").getHost()), host);
    }
    for (String host : new String[] {"128.0.0.1", "10.0.0.1", "localhost.example.com", "[::2]"}) {
      assertTrue(!Endpoint.isLoopback(URI.create("ws://" + host + ":9/ws").getHost()), host);
    }
    assertDoesNotThrow(() -> Endpoint.check(URI.create("wss://chat.example.com/ws"), "token-123"));
  }

  @Test
  void theTokenNeverGoesInTheUrl() {
    ClientConfigException e = refused("wss://chat.example.com/ws?token=secret-token-1", "secret-token-1");
    assertEquals("uri", e.parameter());
    assertTrue(!e.getMessage().contains("secret-token-1"), "the error does not repeat the secret");
  }

  @Test
  void missingPiecesAreNamed() {
    assertEquals("token", refused("wss://chat.example.com/ws", null).parameter());
    ClientConfigException handler = assertThrows(ClientConfigException.class,
        () -> LonglinkClient.builder(URI.create("wss://chat.example.com/ws")).token("token-123").build());
    assertEquals("deliveryHandler", handler.parameter());
    ClientConfigException key = assertThrows(ClientConfigException.class,
        () -> LonglinkClient.builder(URI.create("wss://chat.example.com/ws")).token("token-123").deliveryHandler(d -> { })
            .signingKey(new byte[5]).build());
    assertEquals("signingKey", key.parameter());
  }
}
