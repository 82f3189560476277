package io.longlink.server.faults.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A connection's chain: the order filters see things in, what they reach, and what they know of the connection. */
class ChainTest {

  private final List<String> atServer = new ArrayList<>();
  private final List<String> atClient = new ArrayList<>();
  private final Peers peers = new Peers();
  private final AtomicLong now = new AtomicLong(1_000);
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private Chain chain(FrameFilter... filters) {
    Chain chain = new Chain(List.of(filters), peers, scheduler, now::get, "token=t");
    chain.connect(new Chain.ServerEnd() {
      @Override
      public void text(String text) {
        atServer.add(text);
      }

      @Override
      public void binary() {
        atServer.add("<binary>");
      }

      @Override
      public void invalidText(byte[] bytes) {
        atServer.add("<invalid " + bytes.length + ">");
      }
    }, new Chain.ClientEnd() {
      @Override
      public void text(String text) {
        atClient.add(text);
      }

      @Override
      public void binary(byte[] data) {
        atClient.add("<binary " + data.length + ">");
      }

      @Override
      public void close(int code, String reason) {
        atClient.add("<close " + code + " " + reason + ">");
      }
    });
    return chain;
  }

  /** Tags what passes it, both ways, so that the order of the filters shows. */
  private static FrameFilter tagging(String tag) {
    return new FrameFilter() {
      @Override
      public void fromClient(String text, Link link) {
        link.toServer(text + tag);
      }

      @Override
      public void fromServer(String text, Link link) {
        link.toClient(text + tag);
      }

      @Override
      public void serverCloses(int code, String reason, Link link) {
        link.closeClient(code, reason + tag);
      }
    };
  }

  @Test
  void clientMessagesRunFirstToLastAndServerMessagesLastToFirst() {
    Chain chain = chain(tagging("1"), tagging("2"));
    chain.fromClient("c");
    chain.fromServer("s");
    chain.serverCloses(4000, "r");
    assertEquals(List.of("c12"), atServer);
    assertEquals(List.of("s21", "<close 4000 r21>"), atClient);
  }

  @Test
  void withoutFiltersEverythingPassesAsItIs() {
    Chain chain = chain();
    chain.fromClient("c");
    chain.binaryFromClient();
    chain.invalidTextFromClient(new byte[] {1, 2});
    chain.fromServer("s");
    assertEquals(List.of("c", "<binary>", "<invalid 2>"), atServer);
    assertEquals(List.of("s"), atClient);
  }

  @Test
  void aReplyFromTheInboundSideReachesTheClientThroughTheFiltersBeforeIt() {
    FrameFilter answering = new FrameFilter() {
      @Override
      public void fromClient(String text, Link link) {
        link.toClient("answer");
      }
    };
    Chain chain = chain(tagging("1"), answering);
    chain.fromClient("q");
    assertEquals(List.of(), atServer);
    assertEquals(List.of("answer1"), atClient);
  }

  @Test
  void theAuthOkTheServerSentMakesTheConnectionAPeerOfItsUserUntilItCloses() {
    List<String> seen = new ArrayList<>();
    FrameFilter impostor = new FrameFilter() {
      @Override
      public void fromServer(String text, Link link) {
        link.toClient(text.replace("alice", "mallory"));
      }

      @Override
      public void closed(Link link) {
        seen.add(link.user() + " connected: " + peers.connected(link.user()) + ", query " + link.query());
      }
    };
    Chain chain = chain(impostor);
    assertFalse(peers.connected("alice"));
    chain.fromServer("{\"type\":\"auth_ok\",\"user_id\":\"alice\",\"session_id\":\"s\"}");
    assertTrue(peers.connected("alice"), "the server's user, not what a filter made of it");
    assertEquals(1, peers.of("alice").size());
    assertTrue(atClient.get(0).contains("mallory"));
    chain.closed();
    chain.closed();
    assertEquals(List.of("alice connected: false, query token=t"), seen, "told once, after leaving the peers");
  }

  @Test
  void beforeTheSessionAConnectionHasNoUser() {
    List<String> users = new ArrayList<>();
    Chain chain = chain(new FrameFilter() {
      @Override
      public void fromClient(String text, Link link) {
        users.add(String.valueOf(link.user()));
        assertNull(link.authOk());
        link.toServer(text);
      }
    });
    chain.fromClient("{\"type\":\"auth\"}");
    assertEquals(List.of("null"), users);
  }

  @Test
  void handshakeDecisionsFoldOverTheFilters() {
    FrameFilter breaking = new FrameFilter() {
      @Override
      public String subprotocol(String chosen) {
        return null;
      }

      @Override
      public boolean offeredSubprotocol(boolean offered) {
        return true;
      }

      @Override
      public long maxMessageBytes(long configured) {
        return configured * 4;
      }
    };
    Chain chain = chain(breaking, tagging("x"));
    assertNull(chain.subprotocol("longlink.v1"));
    assertTrue(chain.offeredSubprotocol(false));
    assertEquals(400, chain.maxMessageBytes(100));
    assertEquals("longlink.v1", chain(tagging("y")).subprotocol("longlink.v1"));
  }
}
