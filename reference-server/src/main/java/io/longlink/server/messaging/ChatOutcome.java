package io.longlink.server.messaging;

import io.longlink.model.ServerMessage;

/**
 * The answer to one chat: an ack (accepted, or a duplicate) or an error (refused).
 *
 * @param reply what to send the sender
 * @param accepted whether the chat was accepted now or before
 */
public record ChatOutcome(ServerMessage reply, boolean accepted) {}
