package io.longlink.kit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longlink.kit.wire.TranscriptEvent;

/**
 * The short label of a transcript event on its arrow: the message's type and the fields a reader
 * follows a conversation by ({@code chat m1 → bob}, {@code ack m1 seq 21}, {@code close 4000}); the
 * whole frame is one hover or click away.
 */
final class FrameLabel {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  static final int MAX = 44;

  private FrameLabel() {}

  static String of(TranscriptEvent e) {
    String label = switch (e.kind()) {
      case OPEN -> "open";
      case OPENED -> e.text() == null ? "101" : e.text();
      case OPEN_FAILED -> "open failed";
      case TEXT -> text(e.text());
      case BINARY -> "binary frame";
      case FRAME -> e.reason();
      case CLOSE -> "close " + e.code() + (e.reason() == null || e.reason().isEmpty() ? "" : " " + e.reason());
      case END -> "end, no close frame";
      case OMITTED -> e.text();
    };
    return label.length() <= MAX ? label : label.substring(0, MAX - 1) + "…";
  }

  private static String text(String text) {
    JsonNode json;
    try {
      json = text == null ? null : MAPPER.readTree(text);
    } catch (Exception notJson) {
      json = null;
    }
    if (json == null || !json.isObject()) {
      String shown = text == null ? "" : text.strip();
      return "text " + (shown.length() > 24 ? shown.substring(0, 24) + "…" : shown);
    }
    StringBuilder label = new StringBuilder(json.path("type").isTextual() ? json.path("type").asText() : "(no type)");
    field(label, json, "code", "");
    field(label, json, "id", "");
    JsonNode to = json.path("to");
    if (to.isObject()) {
      label.append(" → ").append("room".equals(to.path("kind").asText()) ? "room " : "").append(to.path("id").asText());
    } else if (to.isTextual()) {
      label.append(" → ").append(to.asText());
    }
    field(label, json, "from", "from ");
    field(label, json, "room", "room ");
    field(label, json, "seq", "seq ");
    field(label, json, "last_seq", "last_seq ");
    field(label, json, "ref", "ref ");
    if (json.path("duplicate").asBoolean(false)) {
      label.append(" duplicate");
    }
    if (json.path("redelivered").asBoolean(false)) {
      label.append(" redelivered");
    }
    return label.toString();
  }

  private static void field(StringBuilder label, JsonNode json, String name, String prefix) {
    JsonNode value = json.get(name);
    if (value != null && value.isValueNode() && !value.isNull()) {
      label.append(' ').append(prefix).append(value.asText());
    }
  }
}
