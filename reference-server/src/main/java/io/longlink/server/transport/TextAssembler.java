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
 */
final class TextAssembler {

  /** The result of adding a frame. */
  enum Step {
    MORE,
    COMPLETE,
    TOO_BIG,
    INVALID_UTF8
  }

  private final long maxBytes;
  private final boolean lenientUtf8;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private String text;

  /**
   * @param maxBytes the largest message accepted
   * @param lenientUtf8 replace invalid sequences instead of refusing (the LL-ERR-2 violation switch)
   */
  TextAssembler(long maxBytes, boolean lenientUtf8) {
    this.maxBytes = maxBytes;
    this.lenientUtf8 = lenientUtf8;
  }

  Step add(ByteBuffer payload, boolean fin) {
    int length = payload == null ? 0 : payload.remaining();
    if ((long) buffer.size() + length > maxBytes) {
      buffer.reset();
      return Step.TOO_BIG;
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
    buffer.reset();
    CodingErrorAction action = lenientUtf8 ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT;
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(action).onUnmappableCharacter(action);
    try {
      text = decoder.decode(ByteBuffer.wrap(message)).toString();
      return Step.COMPLETE;
    } catch (CharacterCodingException e) {
      return Step.INVALID_UTF8;
    }
  }

  /** The message completed by the last {@link #add}. */
  String text() {
    return text;
  }

  /** How many bytes the current message has so far, for error messages. */
  long limit() {
    return maxBytes;
  }
}
