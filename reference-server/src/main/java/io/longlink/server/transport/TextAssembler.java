package io.longlink.server.transport;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reassembles one text message from its frames, enforcing the size limit as bytes arrive and
 * decoding UTF-8 strictly at the end. The server does this itself, rather than leaving it to the
 * WebSocket library, so that the limits and the 1007/1009 outcomes are exactly the advertised ones.
 *
 * <p>A message over the limit is not closed on at once: the rest of it is read and dropped (up to
 * {@link #DISCARD_LIMIT_BYTES}), because Jetty drops the TCP connection right after a 1009 close
 * frame, and a socket closed with unread input sends a TCP reset, which can destroy the close frame
 * on its way to a client that is still writing its frame.
 *
 * <p>Nearly every message is one frame: it is decoded straight from the frame's payload, with no
 * copy. A buffer exists only while a fragmented message is being joined, and is let go after it,
 * so that an idle connection holds neither its largest message's buffer nor its last message.
 */
final class TextAssembler {

  /** How much of an oversize message is read and dropped before the connection is closed regardless. */
  static final long DISCARD_LIMIT_BYTES = 16L * 1024 * 1024;

  /** The result of adding a frame. */
  enum Step {
    MORE,
    COMPLETE,
    /** The message is over the limit and more of it is coming; it is being dropped. */
    DISCARDING,
    /** The message is over the limit and its end arrived, or the drop limit was reached: close now. */
    TOO_BIG,
    INVALID_UTF8
  }

  private final long maxBytes;
  /** One per connection, reset for each message: the decoding runs on the connection's thread only. */
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  /** The fragments of the message being joined; null between messages. */
  private ByteArrayOutputStream buffer;
  private String text;
  private byte[] invalid;
  private long discarded = -1;

  /** @param maxBytes the largest message accepted */
  TextAssembler(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  Step add(ByteBuffer payload, boolean fin) {
    int length = payload == null ? 0 : payload.remaining();
    if (discarded >= 0) {
      discarded += length;
      return fin || discarded > DISCARD_LIMIT_BYTES ? Step.TOO_BIG : Step.DISCARDING;
    }
    long joined = buffer == null ? 0 : buffer.size();
    // LL-LIM-2: only more than the limit is too big (LL-LIM-1); a message of exactly max_message_bytes passes.
    if (joined + length > maxBytes) {
      discarded = joined + (long) length;
      buffer = null;
      return fin ? Step.TOO_BIG : Step.DISCARDING;
    }
    if (fin && buffer == null) {
      return decode(payload == null ? ByteBuffer.allocate(0) : payload);
    }
    if (buffer == null) {
      buffer = new ByteArrayOutputStream(Math.max(256, 2 * length));
    }
    if (length > 0) {
      byte[] bytes = new byte[length];
      payload.get(bytes);
      buffer.write(bytes, 0, length);
    }
    if (!fin) {
      return Step.MORE;
    }
    byte[] message = buffer.toByteArray();
    buffer = null;
    return decode(ByteBuffer.wrap(message));
  }

  private Step decode(ByteBuffer bytes) {
    ByteBuffer start = bytes.duplicate();
    try {
      text = decoder.reset().decode(bytes).toString();
      return Step.COMPLETE;
    } catch (CharacterCodingException e) {
      // Kept for whoever handles the invalid message (LL-ERR-2): the connection closes on it.
      invalid = new byte[start.remaining()];
      start.get(invalid);
      return Step.INVALID_UTF8;
    }
  }

  /** The bytes of the message {@link #add} found not to be UTF-8, handed over once. */
  byte[] invalidBytes() {
    byte[] b = invalid;
    invalid = null;
    return b;
  }

  /** The message completed by the last {@link #add}, handed over once: the assembler keeps no reference to it. */
  String text() {
    String t = text;
    text = null;
    return t;
  }

  /** How many bytes the current message has so far, for error messages. */
  long limit() {
    return maxBytes;
  }
}
