package io.longlink.client.outbox;

import io.longlink.client.connection.SessionParams;
import io.longlink.client.store.StoredChat;
import io.longlink.codec.MessageCodec;
import io.longlink.model.Chat;
import io.longlink.model.Recipient;
import io.longlink.model.RecipientKind;
import io.longlink.signing.ChatSignature;
import java.nio.charset.StandardCharsets;

/** Builds the chat frame for a session: signed when the session signs chats (LL-SEC-6). */
final class ChatFrames {

  private final MessageCodec codec;
  private final byte[] signingKey;

  ChatFrames(MessageCodec codec, byte[] signingKey) {
    this.codec = codec;
    this.signingKey = signingKey;
  }

  /** The chat as sent at {@code ts} (which a signed chat carries), signed if {@code params} say so. */
  Chat build(StoredChat stored, long ts, SessionParams params) {
    Recipient to = Recipient.of(RecipientKind.fromValue(stored.toKind()), stored.toId());
    Chat plain = Chat.of(stored.id(), to, stored.body());
    if (!params.signing()) {
      return plain;
    }
    Chat withTs = plain.withTs(ts);
    return withTs.withSig(ChatSignature.sign(signingKey, withTs));
  }

  /** The frame's payload size in UTF-8 bytes, what limits.max_message_bytes bounds. */
  int bytes(Chat chat) {
    return codec.encode(chat).getBytes(StandardCharsets.UTF_8).length;
  }
}
