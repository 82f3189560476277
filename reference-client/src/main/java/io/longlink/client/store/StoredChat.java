package io.longlink.client.store;

/**
 * One chat of the outbox as it is kept: enough to send it again, with the same id, after a
 * reconnect or a restart. A signed copy gets a fresh ts and sig at every send (LL-SEC-6), so
 * neither is kept.
 *
 * @param id the message id, the same on every send
 * @param toKind {@code user} or {@code room}
 * @param toId the recipient user or room
 * @param body the content
 * @param firstSentAt when the chat first left the client, where its dedup window starts
 *     (LL-DD-7), or 0 before the first send
 */
public record StoredChat(String id, String toKind, String toId, String body, long firstSentAt) {

  /** This chat after its first send at {@code at}. */
  public StoredChat firstSent(long at) {
    return new StoredChat(id, toKind, toId, body, at);
  }

  /** Whether it has been sent at least once. */
  public boolean sent() {
    return firstSentAt > 0;
  }
}
