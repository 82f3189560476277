package io.longlink.client;

import io.longlink.model.ChatDelivery;

/**
 * A chat delivered to this user, as the application sees it.
 *
 * @param from the sender, stamped by the server
 * @param toKind {@code user} or {@code room}
 * @param toId this user, or the room
 */
public record Delivery(String id, long seq, String from, String toKind, String toId, String body, long serverTs,
    boolean redelivered) {

  /** The application view of a delivery message. */
  public static Delivery of(ChatDelivery d) {
    return new Delivery(d.id(), d.seq(), d.from(), d.to().kind().getValue(), d.to().id(), d.body(), d.ts(),
        d.redelivered());
  }
}
