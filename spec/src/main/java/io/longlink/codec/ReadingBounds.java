package io.longlink.codec;

import io.longlink.codec.DecodeError.Kind;
import java.util.Optional;

/**
 * The two size bounds of LL-ERR-8, checked on the text before it is parsed, so that the error says
 * which bound a frame broke and where, whatever the JSON library would have said.
 */
final class ReadingBounds {

  private ReadingBounds() {}

  /** The first bound the text breaks, if any; text that is not JSON is left to the parser. */
  static Optional<DecodeError> check(String text, ReadingRules rules) {
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        if (++depth > rules.maxDepth()) {
          return Optional.of(DecodeError.unreadable(Kind.TOO_DEEP, "objects and arrays nested deeper than "
              + rules.maxDepth() + " levels (at character " + (i + 1) + "; the message object is level 1)"));
        }
      } else if (c == '}' || c == ']') {
        depth--;
      } else if (c == '-' || (c >= '0' && c <= '9')) {
        int start = i;
        while (i + 1 < text.length() && isNumberChar(text.charAt(i + 1))) {
          i++;
        }
        int length = i - start + 1;
        if (length > rules.maxNumberLength()) {
          return Optional.of(DecodeError.unreadable(Kind.NUMBER_TOO_LONG, "a number literal longer than "
              + rules.maxNumberLength() + " characters (" + length + ", at character " + (start + 1) + ")"));
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isNumberChar(char c) {
    return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
  }
}
