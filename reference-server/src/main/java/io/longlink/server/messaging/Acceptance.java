package io.longlink.server.messaging;

import io.longlink.codec.MessageCodec;
import io.longlink.model.Chat;
import io.longlink.model.ChatAck;
import io.longlink.model.ChatDelivery;
import io.longlink.model.ServerMessage;
import io.longlink.protocol.ErrorCode;
import io.longlink.server.metrics.ServerMetrics;
import io.longlink.server.store.ChatRequest;
import io.longlink.server.store.ChatVerdict;
import io.longlink.server.store.DeliveryBus;
import io.longlink.server.store.DeliveryDraft;
import io.longlink.server.store.MessageStore;
import io.longlink.server.store.StoreBounds;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts, refuses or recognises as a repeat each chat: the store judges it in one step, and this
 * turns its verdict into the chat's answer, then tells the recipients' nodes.
 */
final class Acceptance {

  private static final Logger LOG = LoggerFactory.getLogger(Acceptance.class);

  private final MessageStore store;
  private final DeliveryBus bus;
  private final Delivery delivery;
  private final ServerMetrics metrics;
  private final Clock clock;
  private final MessageCodec codec;
  private final StoreBounds bounds;
  private final long retryAfterMs;

  Acceptance(MessageStore store, DeliveryBus bus, Delivery delivery, ServerMetrics metrics, Clock clock, MessageCodec codec,
      StoreBounds bounds, long retryAfterMs) {
    this.store = store;
    this.bus = bus;
    this.delivery = delivery;
    this.metrics = metrics;
    this.clock = clock;
    this.codec = codec;
    this.bounds = bounds;
    this.retryAfterMs = retryAfterMs;
  }

  ChatOutcome chat(ClientSession session, Chat chat) {
    long now = clock.millis();
    String sender = session.userId();
    // Encoded once, before the store's step: the costly part for a large chat; the store only puts in the seq.
    DeliveryDraft draft = DeliveryDraft.of(deliveryOf(session, chat, now), sender, codec);
    ChatVerdict verdict = store.accept(new ChatRequest(sender, chat.id(), chat.to().kind(), chat.to().id(), draft, now));
    // LL-DD-1, LL-DD-2: a repeat gets the original's ack, marked duplicate, and is not delivered again.
    if (verdict instanceof ChatVerdict.Repeat r) {
      metrics.duplicate();
      return new ChatOutcome(new ChatAck(chat.id(), r.seq(), r.ts(), true), true);
    }
    // LL-DD-5: a refused chat is not remembered; sent again, it is judged again.
    if (verdict instanceof ChatVerdict.Refused r) {
      return new ChatOutcome(refusal(chat, r), false);
    }
    ChatVerdict.Stored s = (ChatVerdict.Stored) verdict;
    // LL-CHAT-6: stored for every recipient before the ack is made; sent to the sessions here, news to the other nodes.
    for (String r : s.recipients()) {
      delivery.wake(r);
    }
    try {
      bus.publish(s.recipients());
    } catch (RuntimeException e) {
      // Stored is promised: the ack goes; the other nodes' sessions get it with their next news or backlog.
      LOG.warn("could not tell the other nodes of chat {}: {}", s.seq(), e.toString());
    }
    metrics.chatAccepted();
    // LL-CHAT-1: the ack carries the chat's id.
    return new ChatOutcome(new ChatAck(chat.id(), s.seq(), s.ts(), false), true);
  }

  /** LL-CHAT-4: from is the authenticated sender; LL-CHAT-3: the body exactly as sent. */
  private static ChatDelivery deliveryOf(ClientSession session, Chat chat, long now) {
    return new ChatDelivery(chat.id(), 0L, session.userId(), chat.to(), chat.body(), now, false);
  }

  private ServerMessage refusal(Chat chat, ChatVerdict.Refused r) {
    String id = chat.id();
    return switch (r.reason()) {
      case NOT_MEMBER -> Errors.of(ErrorCode.NOT_MEMBER, "you are not a member of room '" + r.subject()
          + "'; send join for it, then send the chat again", id);
      case RECIPIENT_FULL -> Errors.retryable(ErrorCode.QUEUE_FULL, "user '" + r.subject() + "' already has "
          + bounds.maxPending() + " deliveries waiting for an ack; send the chat again after retry_after_ms", id, retryAfterMs);
      case RECIPIENT_BYTES -> Errors.retryable(ErrorCode.QUEUE_FULL, "user '" + r.subject() + "' already has " + r.held()
          + " bytes of deliveries waiting for an ack, and this chat's " + r.size() + " would pass "
          + bounds.maxPendingBytes() + " (delivery.max_pending_bytes); send the chat again after retry_after_ms", id,
          retryAfterMs);
      case SENDER_BYTES -> Errors.retryable(ErrorCode.UNAVAILABLE, "your chats already hold " + r.held()
          + " bytes of deliveries waiting for their recipients' acks, the most one sender may; send the chat again after"
          + " retry_after_ms", id, retryAfterMs);
      case TOTAL_PENDING -> Errors.retryable(ErrorCode.UNAVAILABLE, "the server holds its maximum of "
          + bounds.maxTotalPending() + " pending deliveries; send the chat again after retry_after_ms", id, retryAfterMs);
      case TOTAL_BYTES -> Errors.retryable(ErrorCode.UNAVAILABLE, "the server holds its maximum of "
          + bounds.maxTotalPendingBytes() + " bytes of pending deliveries; send the chat again after retry_after_ms", id,
          retryAfterMs);
      case DEDUP_FULL -> Errors.retryable(ErrorCode.UNAVAILABLE, "the server remembers its maximum of "
          + bounds.maxDedupEntries() + " recent message ids; send the chat again after retry_after_ms", id, retryAfterMs);
    };
  }
}
