package io.longlink.server.store;

/**
 * What the server answered when it accepted a chat; a repeat gets the same answer.
 *
 * @param seq the chat's seq
 * @param ts when it was accepted, server clock
 */
public record Accepted(long seq, long ts) {}
