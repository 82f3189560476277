package io.longlink.kit.wire;

import io.longlink.codec.MessageCodec;
import io.longlink.model.ClientMessage;
import io.longlink.model.Recipient;
import io.longlink.model.ServerMessage;

/**
 * A message as JSON, the way the protocol carries it, for what a failure says it saw: people read
 * frames as JSON, and a Java {@code toString()} of a model record ({@code ChatAck[id=…, seq=…]})
 * is neither what the server sent nor what PROTOCOL.md shows. The raw frames themselves are in the
 * failure's transcript.
 */
public final class WireText {

  private static final MessageCodec CODEC = MessageCodec.create();

  private WireText() {}

  /** The message as JSON; anything that is not a message as {@link String#valueOf(Object)}. */
  public static String of(Object message) {
    if (message instanceof ServerMessage m) {
      return CODEC.encode(m);
    }
    if (message instanceof ClientMessage m) {
      return CODEC.encode(m);
    }
    return String.valueOf(message);
  }

  /** A chat's {@code to} as the wire carries it: {@code {"kind":"user","id":"bob"}}. */
  public static String of(Recipient to) {
    return to == null ? "no to" : "{\"kind\":\"" + to.kind().getValue() + "\",\"id\":\"" + to.id() + "\"}";
  }
}
