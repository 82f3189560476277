package io.longlink.server.store;

import io.longlink.protocol.SessionParameter;
import io.longlink.server.config.ServerConfig;

/**
 * The bounds a chat is accepted within (PROTOCOL.md §11, LL-DLV-8, LL-LIM-11, LL-LIM-12): a store
 * checks them in the same atomic step that stores the chat, so that no two nodes can each find
 * room for one chat when there is room for one only.
 *
 * @param maxPending deliveries one user may have waiting for an ack (delivery.max_pending)
 * @param maxPendingBytes their bytes (delivery.max_pending_bytes)
 * @param maxPendingBytesPerSender bytes of pending deliveries one sender's chats may hold
 * @param maxTotalPending pending deliveries of all users together
 * @param maxTotalPendingBytes their bytes, each shared delivery once
 * @param maxDedupEntries remembered (sender, message id) pairs
 * @param dedupWindowMs how long a pair is remembered (dedup.window_ms)
 */
public record StoreBounds(long maxPending, long maxPendingBytes, long maxPendingBytesPerSender, long maxTotalPending,
    long maxTotalPendingBytes, long maxDedupEntries, long dedupWindowMs) {

  public static StoreBounds of(ServerConfig config) {
    return new StoreBounds(config.millis(SessionParameter.MAX_PENDING), config.millis(SessionParameter.MAX_PENDING_BYTES),
        config.maxPendingBytesPerSender(), config.maxTotalPending(), config.maxTotalPendingBytes(),
        config.maxDedupEntries(), config.millis(SessionParameter.DEDUP_WINDOW_MS));
  }
}
