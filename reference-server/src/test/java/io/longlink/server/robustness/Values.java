package io.longlink.server.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON values by the name an input carries, and the members of client messages they break. */
final class Values {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The largest seq and timestamp, 2^53-1, and one past it. */
  static final long MAX_SAFE = 9_007_199_254_740_991L;

  private Values() {}

  /** Values of the wrong JSON type for a string member; "" and pattern breakers are listed per member. */
  static Map<String, String> notStrings() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("null", "null");
    v.put("true", "true");
    v.put("false", "false");
    v.put("the number 0", "0");
    v.put("the number -1", "-1");
    v.put("the number 1.5", "1.5");
    v.put("2^53", "9007199254740992");
    v.put("an empty array", "[]");
    v.put("an array holding a string", "[\"x\"]");
    v.put("an empty object", "{}");
    v.put("an object", "{\"a\":1}");
    return v;
  }

  /** Values that are not integers, for seq and ts. */
  static Map<String, String> notIntegers() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("null", "null");
    v.put("true", "true");
    v.put("false", "false");
    v.put("the number 1.5", "1.5");
    v.put("the number 0.0001", "0.0001");
    v.put("an empty string", "\"\"");
    v.put("the string \"1\"", "\"1\"");
    v.put("the string \"x\"", "\"x\"");
    v.put("an empty array", "[]");
    v.put("an array holding 1", "[1]");
    v.put("an empty object", "{}");
    v.put("an object", "{\"a\":1}");
    return v;
  }

  /** Strings that break the message-id pattern (1-64 of A-Z a-z 0-9 . _ : -), as JSON literals. */
  static Map<String, String> badMessageIds() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("empty", "\"\"");
    v.put("65 characters long", "\"" + "i".repeat(65) + "\"");
    v.put("1000 characters long", "\"" + "i".repeat(1000) + "\"");
    v.put("holding a space", "\"a b\"");
    v.put("with a leading space", "\" ab\"");
    v.put("holding a slash", "\"a/b\"");
    v.put("holding an @", "\"a@b\"");
    v.put("holding a #", "\"a#b\"");
    v.put("holding a +", "\"a+b\"");
    v.put("holding a comma", "\"a,b\"");
    v.put("holding a quote", "\"a\\\"b\"");
    v.put("holding a backslash", "\"a\\\\b\"");
    v.put("holding a tab", "\"a\\tb\"");
    v.put("holding a NUL", "\"a\\u0000b\"");
    v.put("holding an e-acute", "\"caf\u00e9\"");
    v.put("in Chinese", "\"\u6d88\u606f\"");
    v.put("holding an emoji", "\"m-\uD83D\uDE00\"");
    v.put("holding a fullwidth digit", "\"m-\uFF11\"");
    return v;
  }

  /** Strings that break the user-id and room-id pattern (1-128 printable ASCII, no space), as JSON literals. */
  static Map<String, String> badUserIds() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("empty", "\"\"");
    v.put("129 characters long", "\"" + "u".repeat(129) + "\"");
    v.put("holding a space", "\"bob smith\"");
    v.put("a single space", "\" \"");
    v.put("holding a tab", "\"bob\\t\"");
    v.put("holding a newline", "\"bob\\n\"");
    v.put("holding DEL", "\"bob\\u007f\"");
    v.put("holding a NUL", "\"bob\\u0000\"");
    v.put("holding an e-acute", "\"jos\u00e9\"");
    v.put("in Chinese", "\"\u7528\u6237\"");
    v.put("holding an emoji", "\"bob\uD83D\uDE00\"");
    v.put("holding a non-breaking space", "\"bob\u00a0x\"");
    return v;
  }

  /** Copies {@code base} with the member at {@code path} ("to/kind") set to the JSON literal {@code value}, or removed when null. */
  static String with(String base, String path, String value) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(base);
      List<String> steps = List.of(path.split("/"));
      ObjectNode parent = root;
      for (String step : steps.subList(0, steps.size() - 1)) {
        parent = (ObjectNode) parent.get(step);
      }
      String last = steps.get(steps.size() - 1);
      if (value == null) {
        parent.remove(last);
      } else {
        JsonNode node = JSON.readTree(value);
        parent.set(last, node);
      }
      return JSON.writeValueAsString(root);
    } catch (Exception e) {
      throw new IllegalArgumentException("cannot set " + path + " of " + base + " to " + value, e);
    }
  }

  static String chat(String id, String to, String body) {
    return "{\"type\":\"chat\",\"id\":\"" + id + "\",\"to\":{\"kind\":\"user\",\"id\":\"" + to + "\"},\"body\":\"" + body + "\"}";
  }

  static String join(String id, String room) {
    return "{\"type\":\"join\",\"id\":\"" + id + "\",\"room\":\"" + room + "\"}";
  }

  static String leave(String id, String room) {
    return "{\"type\":\"leave\",\"id\":\"" + id + "\",\"room\":\"" + room + "\"}";
  }

  static String ping(String id) {
    return "{\"type\":\"ping\",\"id\":\"" + id + "\"}";
  }
}
