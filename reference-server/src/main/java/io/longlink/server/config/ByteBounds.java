package io.longlink.server.config;

import io.longlink.protocol.SessionParameter;

/**
 * The byte bounds on memory (PROTOCOL.md LL-LIM-7, LL-LIM-11), as flags set them or, by default,
 * derived from what the process has: a quarter of the maximum heap for the pending deliveries of
 * all users, a quarter for the outbound queues of all connections, and half left for everything
 * else (decoded frames, Jetty's buffers, garbage not yet collected); of the pending share, an
 * eighth for the chats of any one sender. A derived bound is never below the per-user or
 * per-connection bound it has to hold.
 */
record ByteBounds(long maxTotalPendingBytes, long maxPendingBytesPerSender, long maxOutboundBytes, long maxTotalOutboundBytes) {

  static final int HEAP_SHARE = 4;
  static final int SENDER_SHARE = 8;

  static ByteBounds resolve(ServerConfig.Builder b) {
    long perUser = b.session().get(SessionParameter.MAX_PENDING_BYTES).longValue();
    long share = b.heapBytes() / HEAP_SHARE;
    // A session starts with its whole backlog queued at once, and live traffic on top of it.
    long perConnection = b.maxOutboundBytes() != null ? b.maxOutboundBytes() : 2 * perUser;
    long totalPending = b.maxTotalPendingBytes() != null ? b.maxTotalPendingBytes() : Math.max(share, perUser);
    long totalOutbound = b.maxTotalOutboundBytes() != null ? b.maxTotalOutboundBytes() : Math.max(share, perConnection);
    // An eighth each: it takes eight senders together to exhaust the total and refuse everyone.
    long perSender = b.maxPendingBytesPerSender() != null ? b.maxPendingBytesPerSender()
        : Math.max(totalPending / SENDER_SHARE, perUser);
    return new ByteBounds(totalPending, perSender, perConnection, totalOutbound);
  }
}
