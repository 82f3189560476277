package io.longlink.server.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.model.Chat;
import io.longlink.model.ChatAck;
import io.longlink.model.Recipient;
import io.longlink.model.RecipientKind;
import io.longlink.model.ServerMessage;
import io.longlink.protocol.CloseCode;
import io.longlink.protocol.SessionParameter;
import io.longlink.server.config.Profile;
import io.longlink.server.config.ServerConfig;
import io.longlink.server.metrics.ServerMetrics;
import io.longlink.server.store.MemoryDedupStore;
import io.longlink.server.store.MemoryInboxStore;
import io.longlink.server.store.MemoryRoomStore;
import io.longlink.server.store.MemorySequence;
import io.longlink.server.store.PendingDelivery;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** LL-DLV-12 and LL-DLV-13 where the hub decides them: which epoch sessions get, and when last_seq counts. */
class HubEpochTest {

  private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
  private final MemorySequence sequence = MemorySequence.ascending();
  private final Hub hub = hub(sequence);

  private Hub hub(MemorySequence seqs) {
    ServerConfig config = ServerConfig.builder(Profile.FAST).jwtSecret(new byte[32]).build();
    return new Hub(config, io.longlink.server.ServerParts.of(config).sequence(seqs).engine(), scheduler, new ServerMetrics(), Clock.systemUTC(),
        System::nanoTime, io.longlink.codec.MessageCodec.create());
  }

  @AfterEach
  void stopTimers() {
    scheduler.shutdownNow();
  }

  /** A session that keeps what the hub sends it. */
  private static final class Recording implements ClientSession {
    private final String user;
    private final List<ServerMessage> sent = new ArrayList<>();
    private final List<Long> delivered = new ArrayList<>();

    Recording(String user) {
      this.user = user;
    }

    @Override
    public String sessionId() {
      return "s-" + user;
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
      delivered.add(delivery.seq());
    }

    @Override
    public void close(CloseCode code, String reason) {}

    List<Long> deliveredSeqs() {
      return List.copyOf(delivered);
    }
  }

  /** Alice sends bob three chats while bob is away; their seqs. */
  private List<Long> threeChatsForBob() {
    Recording alice = new Recording("alice");
    hub.admit(alice, null, null, advertised -> {});
    List<Long> seqs = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      ChatOutcome outcome = hub.chat(alice, new Chat("m" + i, new Recipient(RecipientKind.USER, "bob"), "hi", null, null));
      seqs.add(((ChatAck) outcome.reply()).seq());
    }
    return seqs;
  }

  private List<Long> admitBob(Long lastSeq, String epoch) {
    Recording bob = new Recording("bob");
    assertEquals(Hub.Admission.ADMITTED, hub.admit(bob, lastSeq, epoch, advertised -> {}));
    return bob.deliveredSeqs();
  }

  @Test
  void theEpochIsTheHistorysAndEveryNewHistoryHasItsOwn() {
    assertEquals(sequence.epoch(), hub.epoch());
    assertTrue(hub.epoch().matches("[A-Za-z0-9._:-]{1,64}"), hub.epoch());
    assertNotEquals(hub.epoch(), hub(MemorySequence.ascending()).epoch(), "a restarted in-memory history");
  }

  @Test
  void lastSeqOfTheCurrentEpochSettlesWhatIsAtOrBelowIt() {
    List<Long> seqs = threeChatsForBob();
    assertEquals(List.of(seqs.get(2)), admitBob(seqs.get(1), hub.epoch()));
  }

  @Test
  void lastSeqOfAnotherEpochIsTreatedAsAbsent() {
    List<Long> seqs = threeChatsForBob();
    assertEquals(seqs, admitBob(20L, hub(MemorySequence.ascending()).epoch()));
  }

  @Test
  void lastSeqWithoutAnEpochIsTreatedAsAbsent() {
    List<Long> seqs = threeChatsForBob();
    assertEquals(seqs, admitBob(seqs.get(2), null));
  }
}
