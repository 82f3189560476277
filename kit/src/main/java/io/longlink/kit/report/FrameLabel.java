package io.longlink.kit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longlink.kit.wire.TranscriptEvent;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The short label of a transcript event on its arrow: the message's type and the fields a reader
 * follows a conversation by ({@code chat m1 → bob}, {@code ack seq 21 m1}, {@code close 4000}), the
 * kit's own users, rooms and ids by the names the scenario gives them; the whole frame is one hover
 * or click away.
 */
final class FrameLabel {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  static final int MAX = 44;
  private static final Pattern KIT_NAME = Pattern.compile("ll-[a-z0-9]+-[0-9]+-(.+)");
  private static final Pattern KIT_ID = Pattern.compile("(.+)-ll-[a-z0-9]+-[0-9]+");

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
    // The seq first: a delivery's order is what a reader follows, and the label may be cut.
    field(label, json, "seq", "seq ");
    field(label, json, "code", "");
    field(label, json, "id", "");
    JsonNode to = json.path("to");
    if (to.isObject()) {
      label.append(" → ").append("room".equals(to.path("kind").asText()) ? "room " : "").append(shortName(to.path("id").asText()));
    } else if (to.isTextual()) {
      label.append(" → ").append(shortName(to.asText()));
    }
    field(label, json, "from", "from ");
    field(label, json, "room", "room ");
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
      label.append(' ').append(prefix).append(value.isTextual() ? shortName(value.asText()) : value.asText());
    }
  }

  /** The kit's users "ll-RUN-N-bob", rooms "ll-RUN-N-lobby" and ids "m1-ll-RUN-N" as the scenario names them. */
  static String shortName(String id) {
    Matcher m = KIT_NAME.matcher(id);
    if (m.matches()) {
      return m.group(1);
    }
    m = KIT_ID.matcher(id);
    return m.matches() ? m.group(1) : id;
  }
}
