package io.longlink.client.store;

/**
 * One chat of the outbox as it is kept: enough to send it again, byte for byte, after a
 * reconnect or a restart.
 *
 * @param id the message id, the same on every send
 * @param toKind {@code user} or {@code room}
 * @param toId the recipient user or room
 * @param body the content
 * @param ts the client clock at the first send of a signed chat, or null (it stays fixed so that
 *     every resend carries the same signature)
 * @param expiresAt when the dedup window of the first send ends and the chat is no longer sent
 *     (LL-DD-7), or 0 before the first send
 */
public record StoredChat(String id, String toKind, String toId, String body, Long ts, long expiresAt) {

  /** This chat after its first send at {@code ts}, valid until {@code expiresAt}. */
  public StoredChat firstSent(Long ts, long expiresAt) {
    return new StoredChat(id, toKind, toId, body, ts, expiresAt);
  }

  /** Whether it has been sent at least once. */
  public boolean sent() {
    return expiresAt > 0;
  }
}
