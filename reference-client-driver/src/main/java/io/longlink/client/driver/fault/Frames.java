package io.longlink.client.driver.fault;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads and writes frames as JSON trees, for faults that rewrite them. */
final class Frames {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Frames() {}

  /** The frame as an object, or null when it is not one (it then passes untouched). */
  static ObjectNode parse(String frame) {
    try {
      JsonNode node = JSON.readTree(frame);
      return node instanceof ObjectNode o ? o : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** The frame's type, or "" when it has none. */
  static String type(ObjectNode frame) {
    return frame == null ? "" : frame.path("type").asText("");
  }

  static String write(JsonNode frame) {
    try {
      return JSON.writeValueAsString(frame);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree that cannot be written: " + e.getMessage(), e);
    }
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }
}
