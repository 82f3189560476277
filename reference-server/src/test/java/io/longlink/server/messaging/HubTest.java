package io.longlink.server.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.model.Chat;
import io.longlink.model.ChatAck;
import io.longlink.model.ErrorMessage;
import io.longlink.model.Join;
import io.longlink.model.Recipient;
import io.longlink.model.RecipientKind;
import io.longlink.model.ServerMessage;
import io.longlink.protocol.CloseCode;
import io.longlink.protocol.ErrorCode;
import io.longlink.protocol.SessionParameter;
import io.longlink.server.config.Profile;
import io.longlink.server.config.ServerConfig;
import io.longlink.server.metrics.ServerMetrics;
import io.longlink.server.store.MemoryDedupStore;
import io.longlink.server.store.MemoryInboxStore;
import io.longlink.server.store.MemoryRoomStore;
import io.longlink.server.store.MemorySequence;
import io.longlink.server.store.PendingDelivery;
import io.longlink.server.testing.ManualScheduler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hub on a clock of the test's own: acceptance, fan-out, redelivery and settlement, dedup, and
 * the bounds, each decided in milliseconds by moving the clock, never by waiting (PROTOCOL.md §10-§13).
 */
class HubTest {

  private final ManualScheduler scheduler = new ManualScheduler();
  private ServerConfig config = ServerConfig.builder(Profile.FAST).jwtSecret(new byte[32]).build();
  private Hub hub = hub();

  private Hub hub() {
    return new Hub(config, io.longlink.server.ServerParts.of(config).sequence(MemorySequence.ascending()).engine(), scheduler, new ServerMetrics(), Clock.systemUTC(),
        scheduler::nanoTime, io.longlink.codec.MessageCodec.create());
  }

  private long ackTimeout() {
    return config.millis(SessionParameter.ACK_TIMEOUT_MS);
  }

  /** A session that keeps what the hub sends it: "seq" or "seq again" for each delivery. */
  private static final class Recording implements ClientSession {
    private final String user;
    private final String session;
    private final List<ServerMessage> sent = new ArrayList<>();
    private final List<String> delivered = new ArrayList<>();

    Recording(String user, String session) {
      this.user = user;
      this.session = session;
    }

    @Override
    public String sessionId() {
      return session;
    }

    @Override
    public String userId() {
      return user;
    }

    @Override
    public void send(ServerMessage message) {
      sent.add(message);
    }

    @Override
    public void deliver(PendingDelivery delivery, boolean redelivered) {
      delivered.add(delivery.seq() + (redelivered ? " again" : ""));
    }

    @Override
    public void close(CloseCode code, String reason) {}
  }

  private Recording admit(String user, String session) {
    Recording s = new Recording(user, session);
    assertEquals(Hub.Admission.ADMITTED, hub.admit(s, null, null, advertised -> {}));
    return s;
  }

  private static Chat chat(String id, RecipientKind kind, String to) {
    return Chat.of(id, Recipient.of(kind, to), "hello");
  }

  private long seqOf(ChatOutcome outcome) {
    return assertInstanceOf(ChatAck.class, outcome.reply()).seq();
  }

  @Test
  void aDirectChatIsAckedWithItsIdAndDeliveredToEverySessionOfItsRecipientOnly() {
    Recording alice = admit("alice", "a");
    Recording bob1 = admit("bob", "b1");
    Recording bob2 = admit("bob", "b2");
    Recording carol = admit("carol", "c");
    ChatAck ack = assertInstanceOf(ChatAck.class, hub.chat(alice, chat("m1", RecipientKind.USER, "bob")).reply());
    assertEquals("m1", ack.id());
    assertFalse(ack.duplicate());
    assertEquals(List.of(String.valueOf(ack.seq())), bob1.delivered);
    assertEquals(List.of(String.valueOf(ack.seq())), bob2.delivered);
    assertEquals(List.of(), carol.delivered);
    assertEquals(List.of(), alice.delivered);
  }

  @Test
  void seqsGrowAndAnUnackedDeliveryIsSentAgainAfterTheAckTimeoutWhileAnAckedOneIsNot() {
    Recording alice = admit("alice", "a");
    Recording bob = admit("bob", "b");
    long first = seqOf(hub.chat(alice, chat("m1", RecipientKind.USER, "bob")));
    long second = seqOf(hub.chat(alice, chat("m2", RecipientKind.USER, "bob")));
    assertTrue(second > first);
    hub.acknowledge(bob, first);
    scheduler.advance(ackTimeout() - 1);
    assertEquals(List.of(first + "", second + ""), bob.delivered, "nothing again before the timeout");
    scheduler.advance(1);
    assertEquals(List.of(first + "", second + "", second + " again"), bob.delivered);
    hub.acknowledge(bob, second);
    scheduler.advance(10 * ackTimeout());
    assertEquals(3, bob.delivered.size(), "settled: never again");
  }

  @Test
  void anAckOfAnUnknownSeqIsIgnoredAndOneRecipientsAckSettlesOnlyItsOwnDelivery() {
    Recording alice = admit("alice", "a");
    Recording bob = admit("bob", "b");
    Recording carol = admit("carol", "c");
    for (Recording member : List.of(alice, bob, carol)) {
      hub.join(member, new Join("j-" + member.user, "r"));
    }
    long seq = seqOf(hub.chat(alice, chat("m1", RecipientKind.ROOM, "r")));
    assertEquals(List.of(), alice.delivered, "not to the sender");
    hub.acknowledge(bob, seq);
    hub.acknowledge(bob, seq + 100);
    assertEquals(List.of(), bob.sent, "no answer to an ack");
    scheduler.advance(ackTimeout());
    assertEquals(List.of(seq + ""), bob.delivered);
    assertEquals(List.of(seq + "", seq + " again"), carol.delivered);
  }

  @Test
  void aRepeatGetsTheOriginalsAckMarkedDuplicateOnAnyConnectionOfItsSenderAndIsNotDeliveredAgain() {
    Recording alice1 = admit("alice", "a1");
    Recording alice2 = admit("alice", "a2");
    Recording bob = admit("bob", "b");
    ChatAck original = assertInstanceOf(ChatAck.class, hub.chat(alice1, chat("m1", RecipientKind.USER, "bob")).reply());
    ChatAck repeat = assertInstanceOf(ChatAck.class, hub.chat(alice2, chat("m1", RecipientKind.USER, "bob")).reply());
    assertEquals(original.seq(), repeat.seq());
    assertEquals(original.ts(), repeat.ts());
    assertTrue(repeat.duplicate());
    assertEquals(1, bob.delivered.size());
    Recording carol = admit("carol", "c");
    assertFalse(assertInstanceOf(ChatAck.class, hub.chat(carol, chat("m1", RecipientKind.USER, "bob")).reply()).duplicate(),
        "another sender's id is its own");
  }

  @Test
  void onlyMembersSendToARoomAndARefusedChatIsJudgedAgainWhenSentAgain() {
    Recording alice = admit("alice", "a");
    ChatOutcome refused = hub.chat(alice, chat("m1", RecipientKind.ROOM, "r"));
    assertEquals(ErrorCode.NOT_MEMBER.wireValue(), assertInstanceOf(ErrorMessage.class, refused.reply()).code());
    hub.join(alice, new Join("j1", "r"));
    assertFalse(assertInstanceOf(ChatAck.class, hub.chat(alice, chat("m1", RecipientKind.ROOM, "r")).reply()).duplicate());
  }

  @Test
  void aFullQueueRefusesTheNextChatAndDropsNothingItHolds() {
    config = config.toBuilder().set(SessionParameter.MAX_PENDING, 2L).build();
    hub = hub();
    Recording alice = admit("alice", "a");
    long first = seqOf(hub.chat(alice, chat("m1", RecipientKind.USER, "bob")));
    long second = seqOf(hub.chat(alice, chat("m2", RecipientKind.USER, "bob")));
    ErrorMessage full = assertInstanceOf(ErrorMessage.class, hub.chat(alice, chat("m3", RecipientKind.USER, "bob")).reply());
    assertEquals(ErrorCode.QUEUE_FULL.wireValue(), full.code());
    assertEquals(ackTimeout(), full.retryAfterMs());
    assertEquals(List.of(first + "", second + ""), admit("bob", "b").delivered);
  }

  @Test
  void oneSessionTooManyIsNotAdmittedAndAClosedOnesDeliveriesWaitForTheNextInSeqOrder() {
    long max = config.millis(SessionParameter.MAX_CONNECTIONS_PER_USER);
    List<Recording> bobs = new ArrayList<>();
    for (int i = 0; i < max; i++) {
      bobs.add(admit("bob", "b" + i));
    }
    assertEquals(Hub.Admission.TOO_MANY_CONNECTIONS, hub.admit(new Recording("bob", "extra"), null, null, advertised -> {}));
    Recording alice = admit("alice", "a");
    long first = seqOf(hub.chat(alice, chat("m1", RecipientKind.USER, "bob")));
    long second = seqOf(hub.chat(alice, chat("m2", RecipientKind.USER, "bob")));
    bobs.forEach(hub::depart);
    scheduler.advance(10 * ackTimeout());
    assertEquals(List.of(first + "", second + ""), bobs.get(0).delivered, "no redelivery while bob is away");
    assertEquals(List.of(first + " again", second + " again"), admit("bob", "back").delivered);
  }
}
