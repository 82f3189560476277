package io.longlink.kit.wire;

/**
 * How and when a connection ended.
 *
 * @param code the close code the server sent, 1006 when it sent none
 * @param reason the close reason
 * @param atNanos when the kit saw it
 */
public record Closed(int code, String reason, long atNanos) {}
