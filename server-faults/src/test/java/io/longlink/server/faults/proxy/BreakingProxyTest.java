package io.longlink.server.faults.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.longlink.server.LonglinkServer;
import io.longlink.server.config.Profile;
import io.longlink.server.config.ServerConfig;
import io.longlink.server.faults.Violation;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The breaking proxy in front of a real reference server, with real WebSocket clients: what it
 * passes on unchanged, what its switches break, what its network faults do to the link.
 */
@Timeout(30)
class BreakingProxyTest {

  private static final Duration WITHIN = Duration.ofSeconds(5);
  /** How long "never comes" is watched: shorter than the test's own timeout, longer than the server needs to answer. */
  private static final Duration WINDOW = Duration.ofMillis(1_500);

  private static LonglinkServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = LonglinkServer.start(ServerConfig.builder(Profile.FAST).host("127.0.0.1").port(0)
        .jwtSecret(WireClient.JWT_SECRET).build());
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  private static BreakingProxy proxy(Violation... violations) throws Exception {
    return BreakingProxy.start(ProxyConfig.to(server.uri()).violations(List.of(violations)));
  }

  private static BreakingProxy proxy(NetworkFaults network) throws Exception {
    return BreakingProxy.start(ProxyConfig.to(server.uri()).network(network));
  }

  private static String user(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String ping(String id) {
    return "{\"type\":\"ping\",\"id\":\"" + id + "\"}";
  }

  private static String chatTo(String user, String id, String body) {
    return "{\"type\":\"chat\",\"id\":\"" + id + "\",\"to\":{\"kind\":\"user\",\"id\":\"" + user + "\"},\"body\":\"" + body + "\"}";
  }

  private static boolean pong(JsonNode m, String id) {
    return "pong".equals(m.path("type").asText()) && id.equals(m.path("id").asText());
  }

  @Test
  void withNoSwitchAClientAuthenticatesPingsAndChatsThroughTheProxy() throws Exception {
    String alice = user("alice");
    String bob = user("bob");
    try (BreakingProxy proxy = proxy();
        WireClient a = WireClient.session(proxy.uri(), alice).keepAlive();
        WireClient b = WireClient.session(proxy.uri(), bob).keepAlive()) {
      assertEquals("longlink.v1", a.subprotocol(), "the proxy selects what the server selected");
      // A WebSocket ping frame is answered by the proxy's stack, and reading goes on after it.
      a.sendPingFrame();
      a.send(ping("p-1"));
      a.await(m -> pong(m, "p-1"), "the pong of p-1", WITHIN);
      a.send(chatTo(bob, "c-1", "hello through the proxy"));
      JsonNode ack = a.awaitType("ack", WITHIN);
      assertEquals("c-1", ack.path("id").asText());
      JsonNode delivery = b.awaitType("chat", WITHIN);
      assertEquals(alice, delivery.path("from").asText());
      assertEquals("hello through the proxy", delivery.path("body").asText());
      assertEquals(2, proxy.connections());
    }
  }

  @Test
  void theClientsQueryIsAppendedToTheUpstreamUrlsAndAnyPathGoesToItsPath() throws Exception {
    try (BreakingProxy proxy = BreakingProxy.start(ProxyConfig.to(URI.create("ws://127.0.0.1:9/ws?tenant=t1")))) {
      assertEquals(URI.create("ws://127.0.0.1:9/ws?tenant=t1&room=r%201"), proxy.target("room=r%201"));
      assertEquals(URI.create("ws://127.0.0.1:9/ws?tenant=t1"), proxy.target(null));
      assertEquals("/ws", proxy.uri().getPath());
    }
    String alice = user("alice");
    try (BreakingProxy proxy = proxy();
        WireClient a = WireClient.session(URI.create("ws://127.0.0.1:" + proxy.port() + "/any/path?x=1"), alice)) {
      a.send(ping("p-any"));
      a.await(m -> pong(m, "p-any"), "the pong of p-any", WITHIN);
    }
  }

  @Test
  void aBinaryMessageGoesUpstreamAndTheServersCloseComesBackWithItsCodeAndReason() throws Exception {
    try (BreakingProxy proxy = proxy(); WireClient a = WireClient.session(proxy.uri(), user("alice"))) {
      a.sendBinary(new byte[] {0x7b, 0x7d});
      WireClient.Event end = a.awaitEnd(WITHIN);
      assertEquals(WireClient.Event.Kind.CLOSE, end.kind(), end::toString);
      assertEquals(1003, end.code(), "the reference server closes binary frames with 1003 (LL-ERR-1): " + end);
      assertTrue(end.reason().startsWith("unsupported_data"), end::toString);
    }
  }

  @Test
  void llHb2ThroughTheProxyNoPongComesWhileTheServerItselfAnswers() throws Exception {
    try (WireClient direct = WireClient.session(server.uri(), user("alice")).keepAlive()) {
      direct.send(ping("p-direct"));
      direct.await(m -> pong(m, "p-direct"), "the server's own pong", WITHIN);
    }
    try (BreakingProxy proxy = proxy(Violation.HB_2); WireClient a = WireClient.session(proxy.uri(), user("alice")).keepAlive()) {
      a.send(ping("p-proxied"));
      a.expectNone(m -> pong(m, "p-proxied"), "pong through a proxy breaking LL-HB-2", WINDOW);
    }
  }

  @Test
  void llChat1ThroughTheProxyTheAckCarriesAnotherId() throws Exception {
    String bob = user("bob");
    try (BreakingProxy proxy = proxy(Violation.CHAT_1); WireClient a = WireClient.session(proxy.uri(), user("alice")).keepAlive()) {
      a.send(chatTo(bob, "c-7", "hi"));
      JsonNode ack = a.awaitType("ack", WITHIN);
      assertNotEquals("c-7", ack.path("id").asText(), "the ack of c-7 through a proxy breaking LL-CHAT-1: " + ack);
    }
  }

  @Test
  void llTr2ThroughTheProxyTheUpgradeSelectsNoSubprotocol() throws Exception {
    try (BreakingProxy proxy = proxy(Violation.TR_2); WireClient a = WireClient.connect(proxy.uri(), "longlink.v1")) {
      assertEquals("", a.subprotocol());
    }
  }

  @Test
  void silentAfterLeavesTheClientsSocketOpenButSilentInBothDirections() throws Exception {
    String alice = user("alice");
    String bob = user("bob");
    try (BreakingProxy proxy = proxy(NetworkFaults.none().silentAfter(1));
        WireClient b = WireClient.session(server.uri(), bob).keepAlive();
        WireClient a = WireClient.session(proxy.uri(), alice)) {
      // auth_ok was the one message; from here on nothing passes, and the server's heartbeat close (after
      // 1.5 s without alice's pings, which no longer reach it) does not either.
      a.send(ping("p-silent"));
      a.send(chatTo(bob, "c-silent", "lost"));
      Duration watched = WINDOW.plusSeconds(1);
      WireClient.Event any = a.anythingWithin(watched);
      assertEquals(null, any, "a silent link delivered something");
      assertTrue(a.inputOpen(), "a silent link is never closed");
      b.expectNone(m -> "chat".equals(m.path("type").asText()), "chat from a client behind a silent link", Duration.ofMillis(200));
    }
  }

  private static String auth(String user) {
    return "{\"type\":\"auth\",\"token\":\"" + WireClient.token(user) + "\",\"client\":{\"name\":\"t\",\"version\":\"1\"}}";
  }

  @Test
  void dropAfterEndsTheClientsConnectionWithoutACloseFrame() throws Exception {
    try (BreakingProxy proxy = proxy(NetworkFaults.none().dropAfter(1)); RawClient a = RawClient.connect(proxy.uri())) {
      a.send(auth(user("alice")));
      RawClient.End end = a.readToTheEnd(WITHIN);
      assertTrue(end.endOfStream(), () -> "expected the TCP connection to end without a close frame; saw " + end);
      assertEquals(1, end.texts().size(), () -> "auth_ok, the one message before the drop: " + end);
      assertTrue(end.texts().get(0).contains("\"auth_ok\""), end::toString);
    }
  }

  @Test
  void cutAfterCountsTheMessagesToTheClientNotFromUpstream() throws Exception {
    // LL-AUTH-2's switch sends auth_ok twice: one message from upstream, two to the client.
    ProxyConfig config = ProxyConfig.to(server.uri()).violations(List.of(Violation.AUTH_2));
    try (BreakingProxy proxy = BreakingProxy.start(config.network(NetworkFaults.none().cutAfter(2)));
        RawClient a = RawClient.connect(proxy.uri())) {
      a.send(auth(user("alice")));
      RawClient.End end = a.readToTheEnd(WITHIN);
      assertTrue(end.endOfStream(), end::toString);
      assertEquals(2, end.texts().size(), end::toString);
    }
    try (BreakingProxy proxy = BreakingProxy.start(config.network(NetworkFaults.none().dropAfter(2)));
        RawClient a = RawClient.connect(proxy.uri())) {
      a.send(auth(user("alice")));
      a.send(ping("p-kept"));
      RawClient.End end = a.readToTheEnd(WITHIN);
      assertTrue(end.endOfStream(), end::toString);
      assertEquals(3, end.texts().size(), () -> "two auth_ok and the pong, the second message from upstream: " + end);
      assertTrue(end.texts().get(2).contains("p-kept"), end::toString);
    }
  }

  @Test
  void delayMsDelaysEveryMessageToTheClientInOrder() throws Exception {
    try (BreakingProxy proxy = proxy(NetworkFaults.none().delayMs(300)); WireClient a = WireClient.session(proxy.uri(), user("alice"))) {
      long sent = System.nanoTime();
      a.send(ping("p-1"));
      a.send(ping("p-2"));
      a.send(ping("p-3"));
      for (String id : List.of("p-1", "p-2", "p-3")) {
        JsonNode next = a.await(m -> "pong".equals(m.path("type").asText()), "a pong", WITHIN);
        assertEquals(id, next.path("id").asText(), "pongs in the order of their pings");
      }
      long tookMs = Duration.ofNanos(System.nanoTime() - sent).toMillis();
      assertTrue(tookMs >= 300, "the pongs came " + tookMs + " ms after the pings, before the 300 ms delay");
    }
  }

  @Test
  void anUnreachableUpstreamClosesTheClientWith1011SayingSo() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    try (BreakingProxy proxy = BreakingProxy.start(ProxyConfig.to(URI.create("ws://127.0.0.1:" + port + "/ws"))
        .connectTimeout(Duration.ofSeconds(2)));
        WireClient a = WireClient.connect(proxy.uri(), "longlink.v1")) {
      WireClient.Event end = a.awaitEnd(WITHIN);
      assertEquals(WireClient.Event.Kind.CLOSE, end.kind(), end::toString);
      assertEquals(1011, end.code(), end::toString);
      assertTrue(end.reason().contains("upstream ws://127.0.0.1:" + port + "/ws unreachable"), end::toString);
    }
  }

  @Test
  void switchesTheProxyCannotApplyAreRefusedSayingWhy() {
    IllegalArgumentException utf8 = assertThrows(IllegalArgumentException.class,
        () -> ProxyConfig.to(server.uri()).violations(List.of(Violation.ERR_2)));
    assertTrue(utf8.getMessage().contains("--violate LL-ERR-2") && utf8.getMessage().contains("1007"), utf8.getMessage());
    IllegalArgumentException limit = assertThrows(IllegalArgumentException.class,
        () -> ProxyConfig.to(server.uri()).violations(List.of(Violation.LIM_1)));
    assertTrue(limit.getMessage().contains("cannot raise the upstream server's limit"), limit.getMessage());
    IllegalArgumentException parts = assertThrows(IllegalArgumentException.class,
        () -> ProxyConfig.to(server.uri()).violations(List.of(Violation.AUTH_5)));
    assertTrue(parts.getMessage().contains("needs the server's own parts"), parts.getMessage());
  }

  @Test
  void theNetworkFaultsThatEndTheLinkGoOneAtATime() {
    IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
        () -> NetworkFaults.none().silentAfter(1).dropAfter(2));
    assertTrue(both.getMessage().contains("--silent-after and --drop-after both end the link"), both.getMessage());
    assertEquals("dropped after 2 messages to the client, everything to the client 50 ms late",
        NetworkFaults.none().cutAfter(2).delayMs(50).describe());
  }
}
