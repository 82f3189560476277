package io.longlink.server.faults.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads and rewrites messages as JSON trees, for filters that change members. */
public final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** The message as an object, or null when it is not a JSON object. */
  public static ObjectNode parse(String text) {
    try {
      JsonNode node = MAPPER.readTree(text);
      return node instanceof ObjectNode o ? o : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** The message's type, or null. */
  public static String type(ObjectNode message) {
    JsonNode type = message == null ? null : message.get("type");
    return type != null && type.isTextual() ? type.asText() : null;
  }

  /** The message if {@code text} is one of this type, else null; parsed once, after a cheap look (most are not). */
  public static ObjectNode ofType(String text, String type) {
    if (!text.contains("\"" + type + "\"")) {
      return null;
    }
    ObjectNode message = parse(text);
    return type.equals(type(message)) ? message : null;
  }

  /** Whether {@code text} is a message of this type. */
  public static boolean isType(String text, String type) {
    return ofType(text, type) != null;
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree did not write", e);
    }
  }
}
