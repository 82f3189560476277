package io.longlink.server.store;

/**
 * A pending delivery handed out for sending, and whether it was sent before on any session
 * (then it goes with {@code redelivered} true, LL-DLV-2). Handing it out marks it sent.
 */
public record Outgoing(PendingDelivery delivery, boolean redelivered) {}
