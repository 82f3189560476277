package io.longlink.client.outbox;

import io.longlink.client.ChatResult;
import io.longlink.client.ClientObserver;
import io.longlink.client.SendFailedException;
import io.longlink.client.connection.Sender;
import io.longlink.client.connection.SessionParams;
import io.longlink.client.store.ClientStore;
import io.longlink.client.store.StoredChat;
import io.longlink.client.time.Cancellable;
import io.longlink.client.time.ClientScheduler;
import io.longlink.codec.MessageCodec;
import io.longlink.model.Chat;
import io.longlink.model.ChatAck;
import io.longlink.model.ClientMessage;
import io.longlink.model.ErrorMessage;
import io.longlink.protocol.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Everything sent that waits for an answer, in the order the application gave it. Chats are
 * kept until acked or refused (LL-CHAT-7), queued while there is no session and sent again, in
 * order and with their ids, on the next one (LL-RC-8); they are paced under the rate limit and
 * bounded by the size limit (LL-LIM-8) and given up once their dedup window is over (LL-DD-7).
 */
public final class Outbox {

  private final ClientStore store;
  private final ClientScheduler scheduler;
  private final ClientObserver observer;
  private final ChatFrames frames;
  private final Supplier<SessionParams> params;
  private final LinkedHashMap<String, Outgoing> waiting = new LinkedHashMap<>();
  private final RatePacer pacer = new RatePacer();
  private Sender sender;
  private String sessionId;
  private long clockOffsetMs;
  private boolean chatsAllowed = true;
  private Cancellable wake = Cancellable.NONE;

  public Outbox(ClientStore store, ClientScheduler scheduler, ClientObserver observer, MessageCodec codec,
      byte[] signingKey, Supplier<SessionParams> params) {
    this.store = store;
    this.scheduler = scheduler;
    this.observer = observer;
    this.frames = new ChatFrames(codec, signingKey);
    this.params = params;
  }

  /** Takes up the chats a previous client left in the store (an app restart). */
  public void restore() {
    for (StoredChat chat : store.outbox()) {
      Outgoing entry = Outgoing.chat(chat);
      waiting.put(chat.id(), entry);
    }
  }

  /** Queues a chat; the future settles with its ack or its failure. */
  public CompletableFuture<ChatResult> chat(StoredChat chat) {
    if (waiting.containsKey(chat.id())) {
      throw new IllegalArgumentException("id: " + chat.id() + " is already waiting for an answer; message ids are unique per sender");
    }
    Outgoing entry = Outgoing.chat(chat);
    if (sender != null && !chatsAllowed) {
      fail(entry, SendFailedException.NO_SIGNING_KEY, NO_KEY);
      return entry.chatResult;
    }
    int bytes = frames.bytes(frames.build(chat, scheduler.now(), params.get()));
    if (bytes > params.get().maxMessageBytes()) {
      fail(entry, SendFailedException.TOO_LARGE, tooLarge(bytes));
      return entry.chatResult;
    }
    waiting.put(chat.id(), entry);
    store.putChat(chat);
    pump();
    return entry.chatResult;
  }

  /** Queues a join or leave; the future settles with the room when joined/left arrives. */
  public CompletableFuture<String> room(String id, ClientMessage joinOrLeave) {
    if (waiting.containsKey(id)) {
      throw new IllegalArgumentException("id: " + id + " is already waiting for an answer; message ids are unique per sender");
    }
    Outgoing entry = Outgoing.room(id, joinOrLeave);
    waiting.put(id, entry);
    pump();
    return entry.roomResult;
  }

  /**
   * A session began: everything unsettled goes out again, in order (LL-RC-8, LL-RC-9), except
   * chats whose dedup window, by this session's {@code dedup_window_ms}, is over (LL-DD-7), and
   * every chat when the session signs and there is no key (LL-SEC-8).
   *
   * @param offsetMs the server's clock minus the local one, for signed ts (LL-SEC-7)
   */
  public void sessionStarted(Sender newSender, String newSessionId, long offsetMs, boolean chatsAllowedNow) {
    this.sender = newSender;
    this.sessionId = newSessionId;
    this.clockOffsetMs = offsetMs;
    this.chatsAllowed = chatsAllowedNow;
    for (Outgoing entry : new ArrayList<>(waiting.values())) {
      entry.inFlight = false;
      if (entry.isChat() && !chatsAllowed) {
        fail(entry, SendFailedException.NO_SIGNING_KEY, NO_KEY);
      } else if (entry.isChat() && entry.chat.sent()) {
        armExpiry(entry);
      }
    }
    pump();
  }

  /** The session ended: what was in flight is sent again on the next one, unless its window is over. */
  public void sessionEnded() {
    sender = null;
    wake.cancel();
    for (Outgoing entry : new ArrayList<>(waiting.values())) {
      entry.inFlight = false;
      if (entry.expired) {
        notConfirmed(entry);
      }
    }
  }

  /** A chat ack; acks for chats no longer waiting (late duplicates) are ignored. */
  public void acked(ChatAck ack) {
    Outgoing entry = waiting.get(ack.id());
    if (entry == null || !entry.isChat()) {
      return;
    }
    settle(entry);
    ChatResult result = new ChatResult(ack.id(), ack.seq(), ack.ts(), ack.duplicate(), sessionId);
    entry.chatResult.complete(result);
    observer.chatAcked(result);
  }

  /** A joined or left for {@code id}. */
  public void answered(String id, String room) {
    Outgoing entry = waiting.get(id);
    if (entry != null && !entry.isChat()) {
      settle(entry);
      entry.roomResult.complete(room);
    }
  }

  /** An error; false when its ref names nothing waiting. */
  public boolean refused(ErrorMessage error) {
    Outgoing entry = error.ref() == null ? null : waiting.get(error.ref());
    if (entry == null) {
      return false;
    }
    boolean retry = ErrorCode.of(error.code()).map(ErrorCode::carriesRetryAfter).orElse(false);
    if (retry && !entry.expired) {
      // LL-CHAT-8: without a hint, the shortest wait the session names.
      long after = error.retryAfterMs() != null ? error.retryAfterMs() : params.get().initialDelayMs();
      entry.inFlight = false;
      entry.notBefore = scheduler.now() + after;
      observer.chatDeferred(entry.id, error.code(), after);
      pump();
    } else {
      fail(entry, error.code(), error.message());
    }
    return true;
  }

  /** The client is closing: every future fails; chats stay in the store. */
  public void close() {
    wake.cancel();
    for (Outgoing entry : new ArrayList<>(waiting.values())) {
      waiting.remove(entry.id);
      entry.fail(new SendFailedException(entry.id, SendFailedException.CLIENT_CLOSED,
          "the client was closed before an answer came" + (entry.isChat() ? "; the chat stays in the store" : "")));
    }
  }

  private void pump() {
    wake.cancel();
    if (sender == null) {
      return;
    }
    long now = scheduler.now();
    long next = Long.MAX_VALUE;
    for (Outgoing entry : new ArrayList<>(waiting.values())) {
      if (entry.inFlight || entry.expired) {
        continue;
      }
      if (entry.notBefore > now) {
        next = Math.min(next, entry.notBefore);
        continue;
      }
      long slot = pacer.nextSlot(now, params.get());
      if (slot > now) {
        next = Math.min(next, slot);
        break;
      }
      transmit(entry, now);
    }
    if (next != Long.MAX_VALUE) {
      wake = scheduler.schedule(next - now, this::pump);
    }
  }

  private void transmit(Outgoing entry, long now) {
    ClientMessage message = entry.roomMessage;
    if (entry.isChat()) {
      SessionParams p = params.get();
      if (!entry.chat.sent()) {
        entry.chat = entry.chat.firstSent(now);
        store.putChat(entry.chat);
        armExpiry(entry);
      }
      // Every copy is signed afresh on the server's clock (LL-SEC-6, LL-SEC-7); the id keeps it a repeat.
      Chat frame = frames.build(entry.chat, now + clockOffsetMs, p);
      int bytes = frames.bytes(frame);
      if (bytes > p.maxMessageBytes()) {
        fail(entry, SendFailedException.TOO_LARGE, tooLarge(bytes));
        return;
      }
      message = frame;
    }
    sender.send(message);
    pacer.record(now);
    entry.inFlight = true;
    entry.sends++;
    observer.chatSent(entry.id, entry.sends);
  }

  private void armExpiry(Outgoing entry) {
    entry.expiry.cancel();
    long end = entry.chat.firstSentAt() + params.get().dedupWindowMs();
    if (end <= scheduler.now()) {
      expire(entry);
    } else {
      entry.expiry = scheduler.schedule(end - scheduler.now(), () -> expire(entry));
    }
  }

  private void expire(Outgoing entry) {
    // One in flight may still be acked on this session; it is given up when the session ends.
    entry.expired = true;
    if (!entry.inFlight) {
      notConfirmed(entry);
    }
  }

  private void notConfirmed(Outgoing entry) {
    fail(entry, SendFailedException.NOT_CONFIRMED, "no ack within dedup_window_ms of the first send; "
        + "sending it again could deliver it twice, so the client gave up (LL-DD-7)");
  }

  private static final String NO_KEY = "the session signs chats and the client has no signing key; "
      + "build the client with signingKey(...) (LL-SEC-8)";

  private String tooLarge(int bytes) {
    return "the chat frame is " + bytes + " bytes, larger than limits.max_message_bytes ("
        + params.get().maxMessageBytes() + "); send a shorter body (LL-LIM-8)";
  }

  private void settle(Outgoing entry) {
    waiting.remove(entry.id);
    entry.expiry.cancel();
    if (entry.isChat()) {
      store.removeChat(entry.id);
    }
  }

  private void fail(Outgoing entry, String code, String why) {
    settle(entry);
    SendFailedException failure = new SendFailedException(entry.id, code, why);
    entry.fail(failure);
    observer.sendFailed(failure);
  }
}
