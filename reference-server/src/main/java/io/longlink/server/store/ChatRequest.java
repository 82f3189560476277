package io.longlink.server.store;

import io.longlink.model.RecipientKind;

/**
 * One chat as a store judges it: who sent it, its id, where it goes, and its delivery encoded
 * without a seq (the store puts in the seq it gives it).
 *
 * @param sender the authenticated sender
 * @param messageId the chat's id, which dedup remembers with the sender (LL-DD-3)
 * @param kind a user or a room
 * @param to the user's or the room's id
 * @param draft the delivery frame, to be completed with the seq
 * @param nowMs the server clock when the chat came in: its ts, and the start of its dedup window
 */
public record ChatRequest(String sender, String messageId, RecipientKind kind, String to, DeliveryDraft draft, long nowMs) {}
