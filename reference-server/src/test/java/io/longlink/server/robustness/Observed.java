package io.longlink.server.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the server did with one hostile input: the messages it sent (the probe's pong left out),
 * how the exchange ended, and for some inputs what a third party received.
 *
 * @param user the authenticated user the input was sent as, or null before auth
 * @param messages the server's messages, in order
 * @param end how it ended
 * @param code the close code (for {@link End#CLOSED}) or HTTP status (for {@link End#HTTP})
 * @param elapsedMs from the first byte of the input to the end
 * @param witnessed deliveries of this input's chats that another connection received
 */
record Observed(String user, List<JsonNode> messages, End end, int code, long elapsedMs, List<JsonNode> witnessed) {

  /** How an exchange ended. */
  enum End {
    /** The probe ping that followed the input was answered: the connection stayed open. */
    OPEN,
    /** The server sent a close frame. */
    CLOSED,
    /** The TCP connection ended without a close frame. */
    RESET,
    /** Nothing ended it before the deadline. */
    SILENT,
    /** The upgrade was answered with an HTTP status other than 101. */
    HTTP
  }

  Observed withWitnessed(List<JsonNode> deliveries) {
    return new Observed(user, messages, end, code, elapsedMs, List.copyOf(deliveries));
  }

  /** For a failure message: "error invalid_message pointer=/body ref=c-1; open". */
  String describe() {
    List<String> parts = new ArrayList<>();
    String last = null;
    int repeats = 0;
    for (JsonNode m : messages) {
      String one = summary(m);
      if (one.equals(last)) {
        repeats++;
        continue;
      }
      if (last != null) {
        parts.add(repeats > 0 ? (repeats + 1) + " x " + last : last);
      }
      last = one;
      repeats = 0;
    }
    if (last != null) {
      parts.add(repeats > 0 ? (repeats + 1) + " x " + last : last);
    }
    parts.add(switch (end) {
      case OPEN -> "connection open";
      case CLOSED -> "close " + code;
      case RESET -> "connection dropped without a close frame";
      case SILENT -> "no answer to the probe and no close";
      case HTTP -> "HTTP " + code;
    });
    for (JsonNode w : witnessed) {
      parts.add("witness got " + summary(w));
    }
    return (parts.size() == 1 && messages.isEmpty() && end == End.OPEN ? "nothing, " : "") + String.join(", ", parts)
        + " (" + elapsedMs + " ms)";
  }

  static String summary(JsonNode m) {
    StringBuilder s = new StringBuilder(m.path("type").asText("?"));
    for (String field : List.of("code", "pointer", "ref", "id", "room", "from", "duplicate", "redelivered")) {
      if (m.has(field)) {
        s.append(' ').append(field).append('=').append(m.get(field).asText());
      }
    }
    if (m.has("retry_after_ms")) {
      s.append(" retry_after_ms");
    }
    return s.toString();
  }
}
