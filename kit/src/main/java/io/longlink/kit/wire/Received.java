package io.longlink.kit.wire;

/**
 * A message the kit was waiting for, and when it arrived.
 *
 * @param message the message
 * @param atNanos {@link System#nanoTime()} at arrival
 */
public record Received<T>(T message, long atNanos) {}
