package io.longlink.server.robustness;

import static io.longlink.server.robustness.Values.chat;
import static io.longlink.server.robustness.Values.join;
import static io.longlink.server.robustness.Values.leave;
import static io.longlink.server.robustness.Values.with;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * In a session, every client message type with a member missing, of the wrong type, out of range
 * or breaking its pattern: each gets {@code invalid_message} naming that member and, when the
 * message has a valid id, that id in {@code ref} (LL-ERR-5); and a few valid edge cases of each,
 * answered as usual.
 */
final class SchemaInputs {

  private static final String ERR5 = "LL-ERR-5";

  private SchemaInputs() {}

  /** One member of one message type: how to build a valid message, and whether its id is the ref. */
  private record Member(String message, String path, Function<String, String> base, boolean idIsRef) {}

  static List<HostileInput> all() {
    Corpus c = new Corpus("schema");
    List<Member> strings = List.of(
        new Member("chat", "id", id -> chat(id, "nobody-" + id, "hi"), false),
        new Member("chat", "to/id", id -> chat(id, "nobody-" + id, "hi"), true),
        new Member("chat", "body", id -> chat(id, "nobody-" + id, "hi"), true),
        new Member("chat", "sig", id -> chat(id, "nobody-" + id, "hi"), true),
        new Member("chat", "to/kind", id -> chat(id, "nobody-" + id, "hi"), true),
        new Member("ping", "id", id -> "{\"type\":\"ping\",\"id\":\"" + id + "\"}", false),
        new Member("join", "id", id -> join(id, "room-" + id), false),
        new Member("join", "room", id -> join(id, "room-" + id), true),
        new Member("leave", "id", id -> leave(id, "room-" + id), false),
        new Member("leave", "room", id -> leave(id, "room-" + id), true));
    for (Member m : strings) {
      Values.notStrings().forEach((what, value) -> invalid(c, m, "as " + what, value));
      if (!m.path().equals("id") && !m.path().equals("to/id") && !m.path().equals("room")) {
        invalid(c, m, "empty", "\"\"");
      }
    }
    for (Member m : List.of(strings.get(0), strings.get(5), strings.get(6), strings.get(8))) {
      Values.badMessageIds().forEach((what, value) -> invalid(c, m, what, value));
    }
    for (Member m : List.of(strings.get(1), strings.get(7), strings.get(9))) {
      Values.badUserIds().forEach((what, value) -> invalid(c, m, what, value));
    }
    Member kind = strings.get(4);
    for (String bad : List.of("group", "USER", "User", "Room", "user ", " user", "users", "usr", "1")) {
      invalid(c, kind, "\"" + bad + "\"", "\"" + bad + "\"");
    }
    Member sig = strings.get(3);
    invalid(c, sig, "42 characters long", "\"" + "s".repeat(42) + "\"");
    invalid(c, sig, "44 characters long", "\"" + "s".repeat(44) + "\"");
    invalid(c, sig, "with base64 padding", "\"" + "s".repeat(42) + "=\"");
    invalid(c, sig, "holding a + (plain base64, not base64url)", "\"" + "s".repeat(42) + "+\"");
    invalid(c, sig, "holding a /", "\"" + "s".repeat(42) + "/\"");
    Member to = new Member("chat", "to", id -> chat(id, "nobody-" + id, "hi"), true);
    Values.notStrings().forEach((what, value) -> {
      if (!value.startsWith("{")) {
        invalid(c, to, "as " + what, value);
      }
    });
    invalid(c, to, "as a string", "\"bob\"");
    for (String pair : List.of("ts", "seq")) {
      Member number = pair.equals("ts")
          ? new Member("chat", "ts", id -> chat(id, "nobody-" + id, "hi"), true)
          : new Member("ack", "seq", id -> "{\"type\":\"ack\",\"seq\":1}", false);
      Values.notIntegers().forEach((what, value) -> invalid(c, number, "as " + what, value));
      invalid(c, number, "at 2^53, one past the largest", "9007199254740992");
      invalid(c, number, "at -1", "-1");
      invalid(c, number, "at Long.MIN_VALUE", "-9223372036854775808");
    }
    invalid(c, new Member("ack", "seq", id -> "{\"type\":\"ack\",\"seq\":1}", false), "at 0", "0");
    missing(c);
    valid(c);
    return c.inputs();
  }

  private static void invalid(Corpus c, Member m, String what, String value) {
    String id = Corpus.id("s");
    String frame = with(m.base().apply(id), m.path(), value);
    String ref = m.idIsRef() ? id : null;
    c.add(m.message() + " with " + m.path() + " " + what, Expected.invalid(ERR5, "/" + m.path(), ref), Attacks.session(frame));
  }

  private static void missing(Corpus c) {
    String[][] cases = {
        {"chat", "id", "false"}, {"chat", "to", "true"}, {"chat", "body", "true"}, {"chat", "to/kind", "true"},
        {"chat", "to/id", "true"}, {"join", "id", "false"}, {"join", "room", "true"}, {"leave", "id", "false"},
        {"leave", "room", "true"}, {"ack", "seq", "false"}};
    for (String[] k : cases) {
      String id = Corpus.id("m");
      String base = switch (k[0]) {
        case "chat" -> chat(id, "nobody-" + id, "hi");
        case "join" -> join(id, "room-" + id);
        case "leave" -> leave(id, "room-" + id);
        default -> "{\"type\":\"ack\",\"seq\":1}";
      };
      c.add(k[0] + " without " + k[1], Expected.invalid(ERR5, "/" + k[1], Boolean.parseBoolean(k[2]) ? id : null),
          Attacks.session(with(base, k[1], null)));
    }
    c.add("chat with nothing but its type", Expected.open(ERR5, Msg.invalid(Set.of("/id", "/to", "/body"), null)),
        Attacks.session("{\"type\":\"chat\"}"));
    String id = Corpus.id("m");
    c.add("chat with an empty to object", Expected.open(ERR5, Msg.invalid(Set.of("/to/kind", "/to/id"), id)),
        Attacks.session(with(chat(id, "x", "hi"), "to", "{}")));
    id = Corpus.id("m");
    c.add("chat whose to holds only unknown members", Expected.open(ERR5, Msg.invalid(Set.of("/to/kind", "/to/id"), id)),
        Attacks.session(with(chat(id, "x", "hi"), "to", "{\"user\":\"bob\"}")));
    c.add("join with nothing but its type", Expected.open(ERR5, Msg.invalid(Set.of("/id", "/room"), null)),
        Attacks.session("{\"type\":\"join\"}"));
    c.add("leave with nothing but its type", Expected.open(ERR5, Msg.invalid(Set.of("/id", "/room"), null)),
        Attacks.session("{\"type\":\"leave\"}"));
    c.add("ack with nothing but its type", Expected.invalid(ERR5, "/seq", null), Attacks.session("{\"type\":\"ack\"}"));
    id = Corpus.id("m");
    c.add("ack with seq 0 and an extra id member (the id is still the ref)", Expected.invalid(ERR5, "/seq", id),
        Attacks.session("{\"type\":\"ack\",\"seq\":0,\"id\":\"" + id + "\"}"));
  }

  /** Edge cases that are valid: the server answers them as usual. */
  private static void valid(Corpus c) {
    for (Map.Entry<String, String> e : Map.of("64 characters long", "p".repeat(64), "one character", "p",
        "every allowed punctuation", "A.b_c:d-9", "all digits", "0123456789").entrySet()) {
      String id = e.getValue();
      c.add("ping with an id " + e.getKey(), Expected.open("LL-HB-2", Msg.pong(id)), Attacks.session(Values.ping(id)));
    }
    c.add("ping without an id", Expected.open("LL-HB-2", Msg.pong(null)), Attacks.session("{\"type\":\"ping\"}"));
    String[][] recipients = {{"128 characters long", "r".repeat(127)}, {"a single !", "!"}, {"a single ~", "~"},
        {"holding a quote and a backslash", "q\\\"\\\\"}, {"holding brackets", "{[x]}"}};
    for (String[] r : recipients) {
      String id = Corpus.id("v");
      String to = r[1].length() == 127 ? r[1] + "z" : r[1] + id;
      c.add("chat to a user id " + r[0], Expected.open("LL-CHAT-1", Msg.ack(id)), Attacks.session(chat(id, to, "hi")));
    }
    String[][] chats = {{"a one-character body", "ts", null, "x"}, {"a body that is one space", "ts", null, " "},
        {"ts 0 (ignored without signing)", "ts", "0", "hi"}, {"ts 2^53-1", "ts", String.valueOf(Values.MAX_SAFE), "hi"},
        {"a well-formed sig (ignored without signing)", "sig", "\"" + "A".repeat(43) + "\"", "hi"},
        {"an unknown member in to", "to/extra", "1", "hi"}, {"a from member naming nobody", "from", "\"nobody\"", "hi"}};
    for (String[] k : chats) {
      String id = Corpus.id("v");
      String frame = k[2] == null ? chat(id, "nobody-" + id, k[3]) : with(chat(id, "nobody-" + id, k[3]), k[1], k[2]);
      c.add("chat with " + k[0], Expected.open("LL-CHAT-1", Msg.ack(id)), Attacks.session(frame));
    }
    c.add("delivery ack of seq 1, which is not this user's", Expected.ignored("LL-DLV-9"), Attacks.session("{\"type\":\"ack\",\"seq\":1}"));
    c.add("delivery ack of seq 2^53-1", Expected.ignored("LL-DLV-9"), Attacks.session("{\"type\":\"ack\",\"seq\":" + Values.MAX_SAFE + "}"));
    c.add("delivery ack of seq 7.0 (an integer in JSON Schema draft 7)", Expected.ignored("LL-DLV-9"),
        Attacks.session("{\"type\":\"ack\",\"seq\":7.0}"));
    c.add("delivery ack shaped like a chat ack (id, ts, duplicate)", Expected.ignored("LL-DLV-9 + LL-MSG-2"),
        Attacks.session("{\"type\":\"ack\",\"id\":\"x\",\"seq\":3,\"ts\":1,\"duplicate\":false}"));
    String room = "r".repeat(128);
    String id = Corpus.id("v");
    c.add("join of a room id 128 characters long", Expected.open("LL-ROOM-1", Msg.joined(id, room)), Attacks.session(join(id, room)));
    id = Corpus.id("v");
    c.add("leave of a room the user never joined", Expected.open("LL-ROOM-4", Msg.left(id, "never-" + id)),
        Attacks.session(leave(id, "never-" + id)));
    id = Corpus.id("v");
    c.add("chat to a room the user never joined", Expected.open("LL-ROOM-3", Msg.error("not_member", id)),
        Attacks.session("{\"type\":\"chat\",\"id\":\"" + id + "\",\"to\":{\"kind\":\"room\",\"id\":\"nowhere-" + id + "\"},\"body\":\"hi\"}"));
    String j = Corpus.id("v");
    id = Corpus.id("v");
    c.add("join then chat to that room in one burst", Expected.open("LL-ROOM-1", Msg.joined(j, "burst-" + j), Msg.ack(id)),
        Attacks.session(join(j, "burst-" + j),
            "{\"type\":\"chat\",\"id\":\"" + id + "\",\"to\":{\"kind\":\"room\",\"id\":\"burst-" + j + "\"},\"body\":\"hi\"}"));
  }
}
