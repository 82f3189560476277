package io.longlink.server.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One server message an input is expected to cause: its type and the members that matter. */
record Msg(String type, Map<String, Object> members) {

  /** The member is not there. */
  static final Object ABSENT = new Object() {
    @Override
    public String toString() {
      return "(absent)";
    }
  };

  /** An integer above 0. */
  static final Object POSITIVE = new Object() {
    @Override
    public String toString() {
      return "(positive)";
    }
  };

  /** The user id of the connection the input was sent on. */
  static final Object SENDER = new Object() {
    @Override
    public String toString() {
      return "(the sender)";
    }
  };

  /** Any one of these strings. */
  record OneOf(Set<String> values) {
    @Override
    public String toString() {
      return String.join("|", values);
    }
  }

  static Msg of(String type, Object... memberValuePairs) {
    Map<String, Object> members = new LinkedHashMap<>();
    for (int i = 0; i < memberValuePairs.length; i += 2) {
      members.put((String) memberValuePairs[i], memberValuePairs[i + 1]);
    }
    return new Msg(type, members);
  }

  static Msg invalid(String pointer, String ref) {
    return error("invalid_message", ref, "pointer", pointer);
  }

  static Msg invalid(Set<String> pointers, String ref) {
    return error("invalid_message", ref, "pointer", new OneOf(pointers));
  }

  static Msg unknownType(String ref) {
    return error("unknown_type", ref);
  }

  static Msg error(String code, String ref, Object... more) {
    Object[] pairs = new Object[4 + more.length];
    pairs[0] = "code";
    pairs[1] = code;
    pairs[2] = "ref";
    pairs[3] = ref == null ? ABSENT : ref;
    System.arraycopy(more, 0, pairs, 4, more.length);
    return of("error", pairs);
  }

  static Msg rateLimited(String ref) {
    return error("rate_limited", ref, "retry_after_ms", POSITIVE);
  }

  static Msg pong(String id) {
    return of("pong", "id", id == null ? ABSENT : id, "ts", POSITIVE);
  }

  static Msg ack(String id) {
    return of("ack", "id", id, "seq", POSITIVE, "duplicate", false);
  }

  static Msg duplicateAck(String id) {
    return of("ack", "id", id, "seq", POSITIVE, "duplicate", true);
  }

  static Msg joined(String id, String room) {
    return of("joined", "id", id, "room", room);
  }

  static Msg left(String id, String room) {
    return of("left", "id", id, "room", room);
  }

  static Msg authOk(String user) {
    return of("auth_ok", "session_id", POSITIVE_TEXT, "user_id", user);
  }

  /** A delivery that carries the authenticated sender in {@code from}. */
  static Msg deliveryFromSender(String id, String body) {
    return of("chat", "id", id, "from", SENDER, "body", body, "seq", POSITIVE, "redelivered", false);
  }

  private static final Object POSITIVE_TEXT = new Object() {
    @Override
    public String toString() {
      return "(any text)";
    }
  };

  boolean matches(JsonNode m, String sender) {
    if (!type.equals(m.path("type").asText())) {
      return false;
    }
    for (Map.Entry<String, Object> e : members.entrySet()) {
      JsonNode v = m.get(e.getKey());
      Object want = e.getValue();
      boolean ok;
      if (want == ABSENT) {
        ok = v == null;
      } else if (want == POSITIVE) {
        ok = v != null && v.isIntegralNumber() && v.asLong() > 0;
      } else if (want == POSITIVE_TEXT) {
        ok = v != null && v.isTextual() && !v.asText().isEmpty();
      } else if (want == SENDER) {
        ok = v != null && v.isTextual() && v.asText().equals(sender);
      } else if (want instanceof OneOf one) {
        ok = v != null && v.isTextual() && one.values().contains(v.asText());
      } else if (want instanceof Boolean b) {
        ok = v != null && v.isBoolean() && v.asBoolean() == b;
      } else if (want instanceof Number n) {
        ok = v != null && v.isIntegralNumber() && v.asLong() == n.longValue();
      } else {
        ok = v != null && v.isTextual() && v.asText().equals(want);
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  static boolean allMatch(List<Msg> expected, List<JsonNode> seen, String sender) {
    if (expected.size() != seen.size()) {
      return false;
    }
    for (int i = 0; i < expected.size(); i++) {
      if (!expected.get(i).matches(seen.get(i), sender)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(type);
    members.forEach((k, v) -> {
      if (!(v == POSITIVE && (k.equals("seq") || k.equals("ts")))) {
        s.append(' ').append(k).append('=').append(v);
      }
    });
    return s.toString();
  }
}
