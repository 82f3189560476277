package io.longlink.client;

/**
 * A chat the server acknowledged: from now on it is not lost and not delivered twice.
 *
 * @param id the chat's id, the same on every send
 * @param seq the server's seq for it (the original's when {@code duplicate})
 * @param serverTs when the server first accepted it
 * @param duplicate whether the acknowledged send repeated one the server had already accepted
 *     (the earlier ack was lost)
 * @param sessionId the session the ack arrived on
 */
public record ChatResult(String id, long seq, long serverTs, boolean duplicate, String sessionId) {}
