package io.longlink.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.longlink.schema.SchemaViolation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds strings that are not Unicode text: an unpaired UTF-16 surrogate, which JSON's
 * {@code \ud800} escape can carry but no UTF-8 encoder can write (I-JSON, RFC 7493 §2.1; LL-ERR-9).
 */
final class UnpairedSurrogates {

  private UnpairedSurrogates() {}

  /** Every string value holding one, by pointer. */
  static List<SchemaViolation> inValues(JsonNode root) {
    List<SchemaViolation> found = new ArrayList<>();
    walk(root, "", found);
    return found;
  }

  /** The pointer of the first object with a member whose name holds one. */
  static Optional<String> inNames(JsonNode node, String pointer) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> member = it.next();
        if (firstUnpaired(member.getKey()) >= 0) {
          return Optional.of(pointer);
        }
        Optional<String> deeper = inNames(member.getValue(), pointer + "/" + escape(member.getKey()));
        if (deeper.isPresent()) {
          return deeper;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Optional<String> deeper = inNames(node.get(i), pointer + "/" + i);
        if (deeper.isPresent()) {
          return deeper;
        }
      }
    }
    return Optional.empty();
  }

  private static void walk(JsonNode node, String pointer, List<SchemaViolation> found) {
    if (node.isTextual()) {
      int at = firstUnpaired(node.textValue());
      if (at >= 0) {
        found.add(new SchemaViolation(pointer, String.format("holds an unpaired surrogate (\\u%04x at character %d); "
            + "Longlink strings are Unicode text (I-JSON, RFC 7493)", (int) node.textValue().charAt(at), at + 1)));
      }
    } else if (node.isObject()) {
      node.fields().forEachRemaining(m -> walk(m.getValue(), pointer + "/" + escape(m.getKey()), found));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), pointer + "/" + i, found);
      }
    }
  }

  /**
   * Whether any string parsed from {@code text} can hold a surrogate at all: only where the text
   * has one, or a {@code \\uD800}-{@code \\uDFFF} escape. Nearly no frame does, and one pass over
   * the text is cheaper than walking the tree twice. May say yes for text that has none (an
   * escaped backslash before a {@code u}), never no for text that has one.
   */
  static boolean possibleIn(String text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        return true;
      }
      if (c == '\\' && i + 3 < n && text.charAt(i + 1) == 'u' && (text.charAt(i + 2) | 0x20) == 'd') {
        char third = (char) (text.charAt(i + 3) | 0x20);
        if (third == '8' || third == '9' || (third >= 'a' && third <= 'f')) {
          return true;
        }
      }
    }
    return false;
  }

  /** The index of the first unpaired surrogate, or -1. */
  static int firstUnpaired(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /** A member name as a JSON Pointer token (RFC 6901 §4). */
  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
