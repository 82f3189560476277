package io.longlink.client.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.longlink.client.ChatResult;
import io.longlink.client.Harness;
import io.longlink.client.SendFailedException;
import io.longlink.client.transport.FakeLink;
import io.longlink.model.AuthOk;
import io.longlink.model.ChatAck;
import io.longlink.model.ErrorMessage;
import io.longlink.model.RecipientKind;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The outbox rules: LL-CHAT-7/8, LL-RC-8, LL-DD-7, LL-LIM-8, LL-ERRC-1. */
class OutboxTest {

  private final Harness h = new Harness();

  private static AuthOk params(long rate, long window, long dedup) {
    return Harness.authOk(25_000, 60_000, 100, 2.0, 2_000, 0.5, rate, window, dedup, false);
  }

  private CompletableFuture<ChatResult> send(String id) {
    CompletableFuture<ChatResult> f = h.client.send(id, RecipientKind.USER, "bob", "body of " + id);
    h.scheduler.runDue();
    return f;
  }

  private static List<String> chatIds(FakeLink link) {
    return Harness.framesOf(link, "chat").stream().map(c -> c.get("id").asText()).toList();
  }

  @Test
  void queuedOfflineThenFlushedInOrderAndUnackedOnesResentWithTheirIds() throws Exception {
    FakeLink first = h.connect();
    CompletableFuture<ChatResult> m1 = send("m1");
    send("m2");
    assertTrue(first.sent().isEmpty(), "nothing before the session");
    h.openAndAuth(first, Harness.authOk());
    assertEquals(List.of("m1", "m2"), chatIds(first), "flushed after auth_ok, in order (LL-RC-8)");
    h.receive(first, new ChatAck("m1", 7L, Harness.START, false));
    assertEquals(7, m1.get().seq());
    send("m3");
    h.end(first, 1006);
    send("m4");
    h.scheduler.advance(1_000);
    FakeLink second = h.transport.last();
    h.openAndAuth(second, Harness.authOk());
    assertEquals(List.of("m2", "m3", "m4"), chatIds(second), "the unacked ones first, then the queued, same ids");
    assertEquals("body of m2", Harness.framesOf(second, "chat").get(0).get("body").asText());
    assertEquals(List.of("m2", "m3", "m4"), h.store.outbox().stream().map(c -> c.id()).toList(), "acked m1 left the store");
  }

  @Test
  void retryableErrorsResendAfterTheHintOthersAndUnknownCodesSettleAsFailed() {
    FakeLink link = h.connect();
    h.openAndAuth(link, Harness.authOk());
    CompletableFuture<ChatResult> limited = send("r1");
    CompletableFuture<ChatResult> refused = send("r2");
    CompletableFuture<ChatResult> unknown = send("r3");
    h.receive(link, new ErrorMessage("rate_limited", "slow down", "r1", null, 700L));
    h.receive(link, new ErrorMessage("not_member", "join first", "r2", null, null));
    h.receive(link, new ErrorMessage("brand_new_code", "?", "r3", null, null));
    h.scheduler.advance(699);
    assertEquals(List.of("r1", "r2", "r3"), chatIds(link), "not before retry_after_ms (LL-CHAT-8)");
    h.scheduler.advance(1);
    assertEquals(List.of("r1", "r2", "r3", "r1"), chatIds(link), "then the same chat again");
    assertFalse(limited.isDone());
    assertEquals("not_member", failure(refused).code());
    assertEquals("brand_new_code", failure(unknown).code(), "LL-ERRC-1");
  }

  @Test
  void aChatLargerThanTheLimitFailsAtOnceAndIsNeverSent() {
    FakeLink link = h.connect();
    h.openAndAuth(link, Harness.authOk());
    CompletableFuture<ChatResult> big = h.client.send("big", RecipientKind.USER, "bob", "x".repeat(70_000));
    h.scheduler.runDue();
    assertEquals(SendFailedException.TOO_LARGE, failure(big).code());
    assertTrue(chatIds(link).isEmpty());
  }

  @Test
  void aChatUnackedForTheDedupWindowIsReportedNotConfirmedAndNeverResent() {
    FakeLink link = h.connect();
    h.openAndAuth(link, params(20, 1_000, 5_000));
    CompletableFuture<ChatResult> lost = send("w1");
    h.end(link, 1006);
    h.scheduler.advance(5_000);
    h.openAndAuth(h.transport.last(), params(20, 1_000, 5_000));
    assertEquals(SendFailedException.NOT_CONFIRMED, failure(lost).code(), "LL-DD-7");
    assertTrue(chatIds(h.transport.last()).isEmpty(), "not sent again after its window");
  }

  @Test
  void pacingKeepsUnderTheRateWithAMargin() {
    FakeLink link = h.connect();
    h.openAndAuth(link, params(3, 1_000, 600_000));
    for (int i = 1; i <= 5; i++) {
      send("p" + i);
    }
    assertEquals(3, chatIds(link).size(), "three in the first window (LL-LIM-8)");
    h.scheduler.advance(1_099);
    assertEquals(3, chatIds(link).size(), "held back for the window plus a tenth (LL-LIM-13)");
    h.scheduler.advance(1);
    assertEquals(List.of("p1", "p2", "p3", "p4", "p5"), chatIds(link), "the excess goes when slots free, in order");
  }

  @Test
  void signedCopiesCarryAFreshTsOnTheServersClock() {
    Harness signed = new Harness(new io.longlink.client.store.MemoryClientStore(),
        b -> b.signingKey(new byte[32]), d -> { });
    FakeLink link = signed.connect();
    signed.scheduler.advance(10_000);
    link.open();
    signed.scheduler.runDue();
    signed.receive(link, Harness.authOk(25_000, 60_000, 100, 2.0, 2_000, 0.5, 20, 1_000, 600_000, true));
    signed.client.sendToUser("bob", "hi");
    signed.scheduler.runDue();
    JsonNode chat = Harness.framesOf(link, "chat").get(0);
    assertEquals(Harness.START, chat.get("ts").asLong(), "local clock 10 s ahead, corrected by server_time (LL-SEC-7)");
    assertEquals(43, chat.get("sig").asText().length(), "LL-SEC-6");
  }

  @Test
  void withoutAKeyASigningSessionStaysUpAndChatsFail() {
    FakeLink link = h.connect();
    CompletableFuture<ChatResult> queued = send("k1");
    h.openAndAuth(link, Harness.authOk(25_000, 60_000, 100, 2.0, 2_000, 0.5, 20, 1_000, 600_000, true));
    assertEquals(SendFailedException.NO_SIGNING_KEY, failure(queued).code(), "LL-SEC-8");
    assertEquals(SendFailedException.NO_SIGNING_KEY, failure(send("k2")).code());
    assertEquals(null, link.closeCode(), "the session stays for receiving");
    assertTrue(h.events.get(0).startsWith("configuration error"));
  }

  private static SendFailedException failure(CompletableFuture<ChatResult> f) {
    assertTrue(f.isCompletedExceptionally(), "expected a failed send, got " + f);
    try {
      f.get();
      throw new AssertionError("unreachable");
    } catch (ExecutionException e) {
      return (SendFailedException) e.getCause();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
