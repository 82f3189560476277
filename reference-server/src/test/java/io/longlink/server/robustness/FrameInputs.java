package io.longlink.server.robustness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Frames that are not a Longlink message at all (close 4008, LL-ERR-3), messages of a type the
 * server does not know (unknown_type, LL-ERR-4), and the server's own message types sent by a
 * client; in a session and before auth (where anything but auth closes 4005, LL-AUTH-9).
 */
final class FrameInputs {

  private FrameInputs() {}

  static Map<String, String> unreadable() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("an empty text frame", "");
    f.put("a frame of one space", " ");
    f.put("a frame of newlines and tabs", "\n\t\r\n");
    f.put("plain text", "hello");
    f.put("a lone opening brace", "{");
    f.put("a lone closing brace", "}");
    f.put("mismatched brackets", "{]");
    f.put("an object truncated after a member name", "{\"type\"");
    f.put("an object truncated inside a string", "{\"type\":\"pi");
    f.put("an object missing its closing brace", "{\"type\":\"ping\"");
    f.put("JSON null", "null");
    f.put("JSON true", "true");
    f.put("the number 1", "1");
    f.put("a JSON string", "\"ping\"");
    f.put("an empty array", "[]");
    f.put("an array holding a valid ping", "[{\"type\":\"ping\",\"id\":\"p-1\"}]");
    f.put("two pings in one frame", "{\"type\":\"ping\"}{\"type\":\"ping\"}");
    f.put("two pings separated by a newline", "{\"type\":\"ping\"}\n{\"type\":\"ping\"}");
    f.put("a ping followed by a comma", "{\"type\":\"ping\"},");
    f.put("a ping followed by garbage", "{\"type\":\"ping\"}x");
    f.put("single-quoted JSON", "{'type':'ping'}");
    f.put("an unquoted member name", "{type:\"ping\"}");
    f.put("a trailing comma in the object", "{\"type\":\"ping\",}");
    f.put("a comment before the object", "/* hi */{\"type\":\"ping\"}");
    f.put("a line comment after the object", "{\"type\":\"ping\"} // hi");
    f.put("NaN as a value", "{\"type\":\"ping\",\"x\":NaN}");
    f.put("Infinity as a value", "{\"type\":\"ping\",\"x\":Infinity}");
    f.put("a number with a leading zero", "{\"type\":\"ping\",\"x\":01}");
    f.put("a hexadecimal number", "{\"type\":\"ping\",\"x\":0x10}");
    f.put("a number with a leading plus", "{\"type\":\"ping\",\"x\":+1}");
    f.put("a number starting with a dot", "{\"type\":\"ping\",\"x\":.5}");
    f.put("a number ending with a dot", "{\"type\":\"ping\",\"x\":1.}");
    f.put("an unescaped newline inside a string", "{\"type\":\"ping\",\"x\":\"a\nb\"}");
    f.put("an unescaped tab inside a string", "{\"type\":\"ping\",\"x\":\"a\tb\"}");
    f.put("an invalid escape \\x41", "{\"type\":\"ping\",\"x\":\"\\x41\"}");
    f.put("a short unicode escape \\u12", "{\"type\":\"ping\",\"x\":\"\\u12\"}");
    f.put("a unicode escape with a non-hex digit", "{\"type\":\"ping\",\"x\":\"\\u00G1\"}");
    f.put("an upper-case \\U escape", "{\"type\":\"ping\",\"x\":\"\\U0041\"}");
    f.put("an empty object", "{}");
    f.put("an object without type", "{\"id\":\"x\"}");
    f.put("type null", "{\"type\":null}");
    f.put("type a number", "{\"type\":7}");
    f.put("type true", "{\"type\":true}");
    f.put("type an array", "{\"type\":[\"ping\"]}");
    f.put("type an object", "{\"type\":{\"name\":\"ping\"}}");
    f.put("TYPE in capitals", "{\"TYPE\":\"ping\"}");
    f.put("a member named \"type \" with a space", "{\"type \":\"ping\"}");
    f.put("a NUL after the object", "{\"type\":\"ping\"}\u0000");
    return f;
  }

  /** Types no client message has; the value is whether the input carries a valid id. */
  private static Map<String, String> unknownTypes() {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("typing", "a new type from a later version");
    t.put("", "an empty type");
    t.put("PING", "PING in capitals");
    t.put("Ping", "Ping capitalised");
    t.put("ping ", "ping with a trailing space");
    t.put(" ping", "ping with a leading space");
    t.put("chat2", "chat2");
    t.put("p\u0131ng", "ping with a dotless i");
    t.put("\u6d88\u606f", "a Chinese type");
    t.put("x".repeat(1000), "a type 1000 characters long");
    return t;
  }

  /** The server's own message types; this server treats a client's copy as an unknown type. */
  static List<String> serverTypes() {
    return List.of("pong", "auth_ok", "joined", "left", "error", "goaway");
  }

  static List<HostileInput> all() {
    Corpus c = new Corpus("frames");
    unreadable().forEach((what, frame) -> c.add(what + " in a session", Expected.closed("LL-ERR-3", 4008), Attacks.session(frame)));
    for (String what : List.of("plain text", "an empty array", "an empty object", "type a number", "two pings in one frame",
        "an unescaped newline inside a string")) {
      c.add(what + " before auth", Expected.closed("LL-ERR-3", 4008), Attacks.beforeAuth(unreadable().get(what)));
    }
    unknownTypes().forEach((type, what) -> {
      String id = Corpus.id("u");
      String json = "{\"type\":\"" + type + "\",\"id\":\"" + id + "\"}";
      c.add("unknown type: " + what + ", with a valid id", Expected.open("LL-ERR-4", Msg.unknownType(id)), Attacks.session(json));
    });
    c.add("unknown type with an invalid id (no ref)", Expected.open("LL-ERR-4", Msg.unknownType(null)),
        Attacks.session("{\"type\":\"typing\",\"id\":\"not valid\"}"));
    c.add("unknown type with a numeric id (no ref)", Expected.open("LL-ERR-4", Msg.unknownType(null)),
        Attacks.session("{\"type\":\"typing\",\"id\":5}"));
    c.add("unknown type without an id", Expected.open("LL-ERR-4", Msg.unknownType(null)), Attacks.session("{\"type\":\"typing\"}"));
    c.add("unknown type with a body that would make a valid chat", Expected.open("LL-ERR-4", Msg.unknownType(null)),
        Attacks.session("{\"type\":\"message\",\"to\":{\"kind\":\"user\",\"id\":\"bob\"},\"body\":\"hi\"}"));
    for (String type : serverTypes()) {
      String id = Corpus.id("u");
      c.add("the server's type " + type + " sent by a client", Expected.open("LL-ERR-4 (ambiguous: see report)", Msg.unknownType(id)),
          Attacks.session("{\"type\":\"" + type + "\",\"id\":\"" + id + "\"}"));
      c.add("the server's type " + type + " sent by a client before auth", Expected.closed("LL-AUTH-9", 4005),
          Attacks.beforeAuth("{\"type\":\"" + type + "\",\"id\":\"" + id + "\"}"));
    }
    String id = Corpus.id("u");
    c.add("a full pong (id and ts) sent by a client", Expected.open("LL-ERR-4 (ambiguous: see report)", Msg.unknownType(id)),
        Attacks.session("{\"type\":\"pong\",\"id\":\"" + id + "\",\"ts\":1763769625000}"));
    c.add("a full goaway sent by a client", Expected.open("LL-ERR-4 (ambiguous: see report)", Msg.unknownType(null)),
        Attacks.session("{\"type\":\"goaway\",\"code\":1001,\"retry_after_ms\":5000}"));
    id = Corpus.id("u");
    c.add("a delivery-shaped chat (seq, from, ts, redelivered) sent by a client", Expected.open("LL-MSG-2", Msg.ack(id)),
        Attacks.session("{\"type\":\"chat\",\"id\":\"" + id + "\",\"seq\":42,\"from\":\"alice\",\"to\":{\"kind\":\"user\",\"id\":\"nobody-"
            + id + "\"},\"body\":\"hi\",\"ts\":1763769601012,\"redelivered\":false}"));
    for (String[] before : new String[][] {{"ping", "{\"type\":\"ping\",\"id\":\"p-1\"}"}, {"ping without id", "{\"type\":\"ping\"}"},
        {"chat", Values.chat("b-1", "bob", "hi")}, {"delivery ack", "{\"type\":\"ack\",\"seq\":1}"},
        {"join", Values.join("b-2", "lobby")}, {"leave", Values.leave("b-3", "lobby")},
        {"unknown type", "{\"type\":\"typing\",\"id\":\"b-4\"}"}, {"schema-invalid chat", "{\"type\":\"chat\",\"id\":\"b-5\"}"},
        {"schema-invalid ping", "{\"type\":\"ping\",\"id\":5}"}, {"type Auth, capitalised", "{\"type\":\"Auth\",\"token\":\"x\"}"}}) {
      c.add(before[0] + " before auth", Expected.closed("LL-AUTH-9", 4005), Attacks.beforeAuth(before[1]));
    }
    return c.inputs();
  }
}
