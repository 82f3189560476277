package io.longlink.codec;

import io.longlink.protocol.Protocol;

/**
 * How strictly a {@link MessageCodec} reads JSON text. {@link #LONGLINK} is what PROTOCOL.md asks
 * (LL-ERR-8, LL-ERR-9); other values exist so that a test can build a codec that reads more, to
 * show what the rules prevent.
 *
 * @param maxDepth the deepest nesting of objects and arrays read, the message object being depth 1
 * @param maxNumberLength the longest number literal read, in characters (sign, digits, point, exponent)
 * @param acceptUnpairedSurrogates whether strings holding an unpaired UTF-16 surrogate are let through
 */
public record ReadingRules(int maxDepth, int maxNumberLength, boolean acceptUnpairedSurrogates) {

  /** The rules of PROTOCOL.md. */
  public static final ReadingRules LONGLINK =
      new ReadingRules(Protocol.MAX_NESTING_DEPTH, Protocol.MAX_NUMBER_LENGTH, false);

  public ReadingRules {
    if (maxDepth < 1) {
      throw new IllegalArgumentException("maxDepth is " + maxDepth + "; it has to be at least 1 (the message object)");
    }
    if (maxNumberLength < 1) {
      throw new IllegalArgumentException("maxNumberLength is " + maxNumberLength + "; it has to be at least 1");
    }
  }
}
