package io.longlink.client.outbox;

import io.longlink.client.ChatResult;
import io.longlink.client.SendFailedException;
import io.longlink.client.store.StoredChat;
import io.longlink.client.time.Cancellable;
import io.longlink.model.ClientMessage;
import java.util.concurrent.CompletableFuture;

/**
 * One message waiting for its answer: a chat (kept in the store) or a join or leave (kept in
 * memory only: they are idempotent, and membership lives on the server).
 */
final class Outgoing {

  final String id;
  StoredChat chat;
  final ClientMessage roomMessage;
  final CompletableFuture<ChatResult> chatResult;
  final CompletableFuture<String> roomResult;
  /** Sent on the current session and not answered yet. */
  boolean inFlight;
  /** Not to be sent before this time: the server's retry_after_ms. */
  long notBefore;
  /** The dedup window of the first send is over: never sent again (LL-DD-7). */
  boolean expired;
  int sends;
  Cancellable expiry = Cancellable.NONE;

  private Outgoing(String id, StoredChat chat, ClientMessage roomMessage) {
    this.id = id;
    this.chat = chat;
    this.roomMessage = roomMessage;
    this.chatResult = chat == null ? null : new CompletableFuture<>();
    this.roomResult = chat == null ? new CompletableFuture<>() : null;
  }

  static Outgoing chat(StoredChat chat) {
    return new Outgoing(chat.id(), chat, null);
  }

  static Outgoing room(String id, ClientMessage joinOrLeave) {
    return new Outgoing(id, null, joinOrLeave);
  }

  boolean isChat() {
    return chat != null;
  }

  void fail(SendFailedException failure) {
    expiry.cancel();
    if (chatResult != null) {
      chatResult.completeExceptionally(failure);
    } else {
      roomResult.completeExceptionally(failure);
    }
  }
}
