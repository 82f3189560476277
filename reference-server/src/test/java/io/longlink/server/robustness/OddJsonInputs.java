package io.longlink.server.robustness;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Valid and nearly valid JSON that parsers disagree on: deep nesting and long number literals
 * (LL-ERR-8: over 64 levels or 64 characters closes 4008, at or under is an ignorable member),
 * unpaired surrogates (LL-ERR-9: invalid_message), duplicate keys, byte order marks, odd
 * whitespace, escapes of ordinary characters, strings right at the frame limit.
 */
final class OddJsonInputs {

  private static final String ERR8 = "LL-ERR-8 (decided)";
  private static final String ERR9 = "LL-ERR-9 (decided)";

  private OddJsonInputs() {}

  static List<HostileInput> all() {
    Corpus c = new Corpus("odd-json");
    depth(c);
    numbers(c);
    surrogates(c);
    duplicates(c);
    whitespaceAndBom(c);
    escapes(c);
    sizes(c);
    return c.inputs();
  }

  /** A ping whose unknown member {@code x} holds {@code value}. */
  private static String pingWith(String id, String value) {
    return "{\"type\":\"ping\",\"id\":\"" + id + "\",\"x\":" + value + "}";
  }

  /** Nested arrays such that the whole message has {@code levels} open containers at the deepest point. */
  private static String arrays(int levels) {
    return "[".repeat(levels - 1) + "]".repeat(levels - 1);
  }

  private static String objects(int levels) {
    return "{\"a\":".repeat(levels - 2) + "{}" + "}".repeat(levels - 2);
  }

  private static void depth(Corpus c) {
    for (int levels : new int[] {2, 10, 32, 63, 64}) {
      String id = Corpus.id("d");
      c.add("ping whose unknown member nests arrays to " + levels + " levels", Expected.open(ERR8, Msg.pong(id)),
          Attacks.session(pingWith(id, arrays(levels))));
    }
    for (int levels : new int[] {65, 66, 100, 1_000, 4_000}) {
      c.add("ping whose unknown member nests arrays to " + levels + " levels", Expected.closed(ERR8, 4008),
          Attacks.session(pingWith(Corpus.id("d"), arrays(levels))));
    }
    String id = Corpus.id("d");
    c.add("ping whose unknown member nests objects to 64 levels", Expected.open(ERR8, Msg.pong(id)),
        Attacks.session(pingWith(id, objects(64))));
    c.add("ping whose unknown member nests objects to 65 levels", Expected.closed(ERR8, 4008),
        Attacks.session(pingWith(Corpus.id("d"), objects(65))));
    String mixed64 = "[{\"a\":".repeat(31) + "[]" + "}]".repeat(31);
    id = Corpus.id("d");
    c.add("ping whose unknown member alternates arrays and objects to 64 levels", Expected.open(ERR8, Msg.pong(id)),
        Attacks.session(pingWith(id, mixed64)));
    c.add("ping whose unknown member alternates arrays and objects to 65 levels", Expected.closed(ERR8, 4008),
        Attacks.session(pingWith(Corpus.id("d"), "[" + mixed64 + "]")));
    id = Corpus.id("d");
    c.add("chat whose to is an array nested 10 levels", Expected.invalid("LL-ERR-5", "/to", id),
        Attacks.session(Values.with(Values.chat(id, "bob", "hi"), "to", arrays(11))));
    c.add("chat whose body is an array nested 65 levels", Expected.closed(ERR8, 4008),
        Attacks.session(Values.with(Values.chat(Corpus.id("d"), "bob", "hi"), "body", arrays(65))));
    String user = "deep-" + Corpus.id("u");
    String auth = Tokens.auth(Tokens.hs256(Tokens.claims("\"sub\":\"" + user + "\"", "")));
    c.add("auth with an unknown member nested 64 levels", Expected.open(ERR8, Msg.authOk(user)),
        Attacks.beforeAuth(auth.substring(0, auth.length() - 1) + ",\"x\":" + arrays(64) + "}"));
    c.add("auth with an unknown member nested 65 levels", Expected.closed(ERR8, 4008),
        Attacks.beforeAuth(auth.substring(0, auth.length() - 1) + ",\"x\":" + arrays(65) + "}"));
  }

  private static void numbers(Corpus c) {
    String[][] fine = {{"64 digits", "1".repeat(64)}, {"a minus and 63 digits", "-" + "9".repeat(63)},
        {"64 characters of decimal fraction", "0." + "5".repeat(62)}, {"an exponent of 400", "1e400"},
        {"an exponent of -400", "1E-400"}, {"-0", "-0"}};
    for (String[] n : fine) {
      String id = Corpus.id("n");
      c.add("ping whose unknown member is a number literal of " + n[0], Expected.open(ERR8, Msg.pong(id)),
          Attacks.session(pingWith(id, n[1])));
    }
    String[][] tooLong = {{"65 digits", "1".repeat(65)}, {"1000 digits", "7".repeat(1_000)},
        {"a minus and 65 digits", "-" + "9".repeat(65)}, {"a 200-digit fraction", "0." + "3".repeat(200)},
        {"65 digits before an exponent", "1".repeat(65) + "e2"}};
    for (String[] n : tooLong) {
      c.add("ping whose unknown member is a number literal of " + n[0], Expected.closed(ERR8, 4008),
          Attacks.session(pingWith(Corpus.id("n"), n[1])));
    }
    c.add("delivery ack whose seq is 64 digits", Expected.invalid("LL-ERR-5", "/seq", null),
        Attacks.session("{\"type\":\"ack\",\"seq\":" + "9".repeat(64) + "}"));
    c.add("delivery ack whose seq is 65 digits", Expected.closed(ERR8, 4008),
        Attacks.session("{\"type\":\"ack\",\"seq\":" + "9".repeat(65) + "}"));
    c.add("chat whose ts is 65 digits", Expected.closed(ERR8, 4008),
        Attacks.session(Values.with(Values.chat(Corpus.id("n"), "bob", "hi"), "ts", "1".repeat(65))));
    String id = Corpus.id("n");
    c.add("chat whose ts is 1e400", Expected.invalid("LL-ERR-5", "/ts", id),
        Attacks.session(withRaw(Values.chat(id, "bob", "hi"), "\"ts\":1e400")));
  }

  private static void surrogates(Corpus c) {
    String[][] lone = {{"a lone high surrogate", "\\ud800"}, {"a lone low surrogate", "\\udc00"},
        {"a lone high surrogate in upper-case hex", "\\uD800"}, {"a lone surrogate between letters", "a\\ud800b"},
        {"two high surrogates", "\\ud83d\\ud83d"}, {"a reversed pair", "\\ude00\\ud83d"},
        {"a high surrogate before a letter", "\\ud83dA"}, {"a high surrogate at the end", "hello\\ud83d"},
        {"the last low surrogate", "\\udfff"}, {"the last high surrogate", "\\udbff"}};
    for (String[] s : lone) {
      String id = Corpus.id("x");
      c.add("chat with body holding " + s[0], Expected.invalid(ERR9, "/body", id), Attacks.session(Values.chat(id, "bob", s[1])));
    }
    for (String[] ok : new String[][] {{"an escaped surrogate pair", "\\ud83d\\ude00"}, {"an upper-case escaped pair", "\\uD83D\\uDE00"},
        {"a raw emoji", "\uD83D\uDE00"}, {"the last code point U+10FFFF, escaped", "\\udbff\\udfff"}}) {
      String id = Corpus.id("x");
      c.add("chat with body holding " + ok[0], Expected.open("LL-CHAT-1", Msg.ack(id)), Attacks.session(Values.chat(id, "bob", ok[1])));
    }
    String id = Corpus.id("x");
    c.add("chat with to.id holding a lone surrogate", Expected.invalid(ERR9, "/to/id", id),
        Attacks.session(Values.chat(id, "bob\\ud800", "hi")));
    id = Corpus.id("x");
    c.add("join with room holding a lone surrogate", Expected.invalid(ERR9, "/room", id), Attacks.session(Values.join(id, "r\\udc00")));
    c.add("ping with id holding a lone surrogate", Expected.invalid(ERR9, "/id", null), Attacks.session(Values.ping("p\\ud800")));
    id = Corpus.id("x");
    c.add("ping with an unknown member holding a lone surrogate (see report)", Expected.invalid(ERR9, "/x", id),
        Attacks.session(pingWith(id, "\"\\ud800\"")));
    c.add("auth whose token holds a lone surrogate", Expected.closed(ERR9 + " + LL-AUTH-11", 4001),
        Attacks.beforeAuth(Tokens.auth("eyJ\\ud800")));
    String user = "sur-" + Corpus.id("u");
    String token = Tokens.hs256(Tokens.claims("\"sub\":\"" + user + "\"", ""));
    c.add("auth whose client.name holds a lone surrogate", Expected.closed(ERR9 + " + LL-AUTH-11", 4001),
        Attacks.beforeAuth("{\"type\":\"auth\",\"token\":\"" + token + "\",\"client\":{\"name\":\"x\\ud800\",\"version\":\"1\"}}"));
    c.add("auth whose client.version holds a lone surrogate", Expected.closed(ERR9 + " + LL-AUTH-11", 4001),
        Attacks.beforeAuth("{\"type\":\"auth\",\"token\":\"" + token + "\",\"client\":{\"name\":\"x\",\"version\":\"\\udc00\"}}"));
  }

  private static void duplicates(Corpus c) {
    String rule = "RFC 8259 names SHOULD be unique; the server reads duplicates as not JSON (ambiguous: see report)";
    String[][] dups = {{"type twice, same value", "{\"type\":\"ping\",\"type\":\"ping\"}"},
        {"type twice, ping then chat", "{\"type\":\"ping\",\"type\":\"chat\"}"},
        {"id twice in a ping", "{\"type\":\"ping\",\"id\":\"a\",\"id\":\"b\"}"},
        {"body twice in a chat", "{\"type\":\"chat\",\"id\":\"dup-1\",\"to\":{\"kind\":\"user\",\"id\":\"bob\"},\"body\":\"a\",\"body\":\"b\"}"},
        {"to.kind twice in a chat", "{\"type\":\"chat\",\"id\":\"dup-2\",\"to\":{\"kind\":\"user\",\"kind\":\"room\",\"id\":\"bob\"},\"body\":\"a\"}"},
        {"an unknown member twice", "{\"type\":\"ping\",\"x\":1,\"x\":2}"},
        {"a duplicate inside an unknown nested object", "{\"type\":\"ping\",\"x\":{\"a\":1,\"a\":1}}"}};
    for (String[] d : dups) {
      c.add("message with " + d[0], Expected.closed(rule, 4008), Attacks.session(d[1]));
    }
    c.add("auth with token twice", Expected.closed(rule, 4008),
        Attacks.beforeAuth("{\"type\":\"auth\",\"token\":\"a\",\"token\":\"b\",\"client\":{\"name\":\"x\",\"version\":\"1\"}}"));
  }

  private static void whitespaceAndBom(Corpus c) {
    String[][] padded = {{"leading spaces", "   %s"}, {"a trailing newline", "%s\n"}, {"CRLF around it", "\r\n%s\r\n"},
        {"tabs around it", "\t%s\t"}, {"4000 spaces in front", " ".repeat(4_000) + "%s"}};
    for (String[] p : padded) {
      String id = Corpus.id("w");
      c.add("ping with " + p[0], Expected.open("RFC 8259 whitespace", Msg.pong(id)), Attacks.session(String.format(p[1], Values.ping(id))));
    }
    String id = Corpus.id("w");
    c.add("ping with whitespace between every token", Expected.open("RFC 8259 whitespace", Msg.pong(id)),
        Attacks.session("{ \"type\" :\n\"ping\" ,\t\"id\"\r\n:\"" + id + "\" }"));
    String[][] notWhitespace = {{"a no-break space", "\u00a0"}, {"a line separator U+2028", "\u2028"}, {"a form feed", "\f"},
        {"a vertical tab", "\u000b"}, {"an ideographic space", "\u3000"}};
    for (String[] w : notWhitespace) {
      c.add("ping preceded by " + w[0] + " (not JSON whitespace)", Expected.closed("LL-ERR-3", 4008),
          Attacks.session(w[1] + Values.ping(Corpus.id("w"))));
    }
    c.add("ping preceded by a byte order mark", Expected.closed("LL-ERR-3; RFC 8259 lets parsers ignore a BOM (see report)", 4008),
        Attacks.session("\uFEFF" + Values.ping(Corpus.id("w"))));
    c.add("ping followed by a byte order mark", Expected.closed("LL-ERR-3", 4008),
        Attacks.session(Values.ping(Corpus.id("w")) + "\uFEFF"));
    id = Corpus.id("w");
    c.add("chat with body holding a byte order mark", Expected.open("LL-CHAT-1", Msg.ack(id)),
        Attacks.session(Values.chat(id, "bob", "\uFEFFhi")));
  }

  private static void escapes(Corpus c) {
    String id = Corpus.id("e");
    c.add("ping whose type is written in unicode escapes", Expected.open("RFC 8259 escapes", Msg.pong(id)),
        Attacks.session("{\"type\":\"\\u0070\\u0069\\u006e\\u0067\",\"id\":\"" + id + "\"}"));
    id = Corpus.id("e");
    c.add("ping whose member name type is written with an escape", Expected.open("RFC 8259 escapes", Msg.pong(id)),
        Attacks.session("{\"\\u0074ype\":\"ping\",\"id\":\"" + id + "\"}"));
    id = Corpus.id("e");
    c.add("ping whose id is written in escapes", Expected.open("RFC 8259 escapes", Msg.pong(id)),
        Attacks.session("{\"type\":\"ping\",\"id\":\"" + escapeAll(id) + "\"}"));
    id = Corpus.id("e");
    c.add("chat whose to.kind is written with an escape", Expected.open("RFC 8259 escapes", Msg.ack(id)),
        Attacks.session(Values.chat(id, "bob", "hi").replace("\"user\"", "\"\\u0075ser\"")));
    String[][] bodies = {{"escaped letters and CJK", "\\u0041\\u00e9\\u4e2d"}, {"an escaped slash", "a\\/b"},
        {"every short escape", "\\b\\f\\n\\r\\t\\\"\\\\"}, {"an escaped NUL", "\\u0000"}, {"an escaped DEL", "\\u007f"}};
    for (String[] b : bodies) {
      id = Corpus.id("e");
      c.add("chat with body holding " + b[0], Expected.open("LL-CHAT-1", Msg.ack(id)), Attacks.session(Values.chat(id, "bob", b[1])));
    }
    c.add("ping whose id is an escaped space", Expected.invalid("LL-ERR-5", "/id", null), Attacks.session(Values.ping("\\u0020")));
  }

  /** The object with one more member written as is (for number literals a JSON tree cannot hold). */
  private static String withRaw(String object, String member) {
    return object.substring(0, object.length() - 1) + "," + member + "}";
  }

  private static String escapeAll(String s) {
    StringBuilder b = new StringBuilder();
    s.chars().forEach(ch -> b.append(String.format("\\u%04x", ch)));
    return b.toString();
  }

  /** A chat whose body is {@code unit} repeated and padded with ASCII so that the frame is exactly {@code bytes} long. */
  static String chatOfSize(String id, String unit, int bytes) {
    String empty = Values.chat(id, "bob", "");
    int room = bytes - empty.getBytes(StandardCharsets.UTF_8).length;
    int unitBytes = unit.getBytes(StandardCharsets.UTF_8).length;
    int units = room / unitBytes;
    String body = unit.repeat(units) + "a".repeat(room - units * unitBytes);
    return Values.chat(id, "bob", body);
  }

  private static void sizes(Corpus c) {
    int max = Corpus.MAX_BYTES;
    String id = Corpus.id("z");
    c.add("chat one byte under limits.max_message_bytes", Expected.open("LL-LIM-2", Msg.ack(id)), Attacks.session(chatOfSize(id, "a", max - 1)));
    id = Corpus.id("z");
    c.add("chat exactly limits.max_message_bytes long", Expected.open("LL-LIM-2", Msg.ack(id)), Attacks.session(chatOfSize(id, "a", max)));
    id = Corpus.id("z");
    c.add("chat of two-byte characters exactly at the limit", Expected.open("LL-LIM-2", Msg.ack(id)),
        Attacks.session(chatOfSize(id, "\u00e9", max)));
    id = Corpus.id("z");
    c.add("chat of four-byte emoji exactly at the limit", Expected.open("LL-LIM-2", Msg.ack(id)),
        Attacks.session(chatOfSize(id, "\uD83D\uDE00", max)));
    c.add("chat one byte over the limit", Expected.closed("LL-LIM-1", 1009), Attacks.session(chatOfSize(Corpus.id("z"), "a", max + 1)));
    c.add("chat of three-byte characters, fewer characters than the limit but more bytes", Expected.closed("LL-LIM-1", 1009),
        Attacks.session(chatOfSize(Corpus.id("z"), "\u4e2d", max + 2)));
    id = Corpus.id("z");
    String ping = Values.ping(id);
    String padded = ping.substring(0, ping.length() - 1) + ",\"pad\":\"\"}";
    int pad = max - padded.length();
    c.add("ping padded with an unknown member to exactly the limit", Expected.open("LL-LIM-2 + LL-MSG-2", Msg.pong(id)),
        Attacks.session(padded.replace("\"pad\":\"\"", "\"pad\":\"" + "p".repeat(pad) + "\"")));
    String longId = chatOfSize("i".repeat(65), "a", max);
    c.add("chat at the limit whose id is 65 characters long", Expected.invalid("LL-ERR-5", "/id", null), Attacks.session(longId));
  }
}
