package io.longlink.server.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages that are valid but mean harm: a spoofed {@code from} (LL-CHAT-4), replays (LL-DD-1,
 * LL-DD-2, LL-DD-5) and floods (LL-LIM-3 to LL-LIM-5). Signing attacks are in {@link SigningInputs}.
 */
final class AbuseInputs {

  private AbuseInputs() {}

  static List<HostileInput> all() {
    Corpus c = new Corpus("abuse");
    spoofs(c);
    replays(c);
    floods(c);
    List<HostileInput> all = new ArrayList<>(c.inputs());
    all.addAll(SigningInputs.all());
    return all;
  }

  private static void spoofs(Corpus c) {
    String[][] froms = {{"naming another user", "\"alice-the-admin\""}, {"naming the recipient", null}, {"as a number", "42"},
        {"as an object", "{\"id\":\"alice\"}"}, {"empty", "\"\""}, {"null", "null"}, {"holding spaces", "\"not a user\""}};
    for (String[] f : froms) {
      String id = Corpus.id("f");
      c.add("chat with a spoofed from " + f[0], Expected.open("LL-CHAT-4", Msg.ack(id)).witnessing(Msg.deliveryFromSender(id, "spoof")),
          Attacks.toWitness(id, w -> List.of(Values.with(Values.chat(id, w, "spoof"), "from", f[1] == null ? "\"" + w + "\"" : f[1]))));
    }
    for (String member : List.of("From", "sender", "user_id")) {
      String id = Corpus.id("f");
      c.add("chat with a spoofed " + member + " member", Expected.open("LL-CHAT-4", Msg.ack(id)).witnessing(Msg.deliveryFromSender(id, "spoof")),
          Attacks.toWitness(id, w -> List.of(Values.with(Values.chat(id, w, "spoof"), member, "\"alice-the-admin\""))));
    }
  }

  private static void replays(Corpus c) {
    String id = Corpus.id("r");
    String chat = Values.chat(id, "nobody-" + id, "once");
    c.add("the same chat twice in a row", Expected.open("LL-DD-1", Msg.ack(id), Msg.duplicateAck(id)).and("the same seq", AbuseInputs::sameSeq),
        Attacks.session(chat, chat));
    id = Corpus.id("r");
    c.add("the same chat three times", Expected.open("LL-DD-1", Msg.ack(id), Msg.duplicateAck(id), Msg.duplicateAck(id))
        .and("the same seq", AbuseInputs::sameSeq), Attacks.session(Values.chat(id, "nobody-" + id, "x"), Values.chat(id, "nobody-" + id, "x"),
            Values.chat(id, "nobody-" + id, "x")));
    id = Corpus.id("r");
    c.add("a repeat with the same id and another body", Expected.open("LL-DD-1: ids, never bodies", Msg.ack(id), Msg.duplicateAck(id))
        .and("the same seq", AbuseInputs::sameSeq), Attacks.session(Values.chat(id, "nobody-" + id, "one"), Values.chat(id, "nobody-" + id, "two")));
    id = Corpus.id("r");
    c.add("a repeat with the same id to another recipient", Expected.open("LL-DD-1", Msg.ack(id), Msg.duplicateAck(id))
        .and("the same seq", AbuseInputs::sameSeq), Attacks.session(Values.chat(id, "nobody-" + id, "x"), Values.chat(id, "else-" + id, "x")));
    String w = Corpus.id("r");
    c.add("a chat to the witness replayed", Expected.open("LL-DD-2", Msg.ack(w), Msg.duplicateAck(w)).witnessing(Msg.deliveryFromSender(w, "again"))
        .and("the same seq", AbuseInputs::sameSeq), Attacks.toWitness(w, who -> List.of(Values.chat(w, who, "again"), Values.chat(w, who, "again"))));
    id = Corpus.id("r");
    String room = "refused-" + id;
    String roomChat = "{\"type\":\"chat\",\"id\":\"" + id + "\",\"to\":{\"kind\":\"room\",\"id\":\"" + room + "\"},\"body\":\"x\"}";
    String join = Corpus.id("r");
    c.add("a chat refused as not_member, sent again after joining", Expected.open("LL-DD-5", Msg.error("not_member", id),
        Msg.joined(join, room), Msg.ack(id)), Attacks.session(roomChat, Values.join(join, room), roomChat));
    id = Corpus.id("r");
    c.add("a chat refused as invalid, sent again valid", Expected.open("LL-DD-5", Msg.invalid("/body", id), Msg.ack(id)),
        Attacks.session(Values.with(Values.chat(id, "nobody-" + id, "x"), "body", "\"\""), Values.chat(id, "nobody-" + id, "x")));
    String across = Corpus.id("r");
    c.add("a repeat on a second connection of the same user", Expected.open("LL-DD-3", Msg.ack(across), Msg.duplicateAck(across))
        .and("the same seq", AbuseInputs::sameSeq), arena -> {
          Lane lane = arena.lane(arena.main());
          String chatFrame = Values.chat(across, "nobody-" + across, "x");
          Observed first = lane.exchange(Attacks.texts(List.of(chatFrame)));
          try (WireClient second = Lane.session(arena.main(), lane.user(), arena.waitMs())) {
            Observed again = Exchange.run(second, lane.user(), Attacks.texts(List.of(chatFrame)), true, arena.waitMs());
            return merge(first, again);
          }
        });
  }

  static Observed merge(Observed first, Observed second) {
    List<JsonNode> all = new ArrayList<>(first.messages());
    all.addAll(second.messages());
    Observed.End end = first.end() == Observed.End.OPEN ? second.end() : first.end();
    return new Observed(first.user(), all, end, first.end() == Observed.End.OPEN ? second.code() : first.code(),
        first.elapsedMs() + second.elapsedMs(), second.witnessed());
  }

  private static boolean sameSeq(Observed o) {
    return o.messages().stream().map(m -> m.path("seq").asLong()).distinct().count() == 1;
  }

  private static void floods(Corpus c) {
    int rate = (int) Corpus.FLOOD_RATE;
    List<String> frames = new ArrayList<>();
    List<Msg> expected = new ArrayList<>();
    for (int i = 0; i < rate + 5; i++) {
      String id = Corpus.id("fl");
      frames.add(Values.chat(id, "nobody-" + id, "flood"));
      expected.add(i < rate ? Msg.ack(id) : Msg.rateLimited(id));
    }
    c.add("a flood of " + (rate + 5) + " chats", Expected.open("LL-LIM-3 + LL-LIM-4", expected), flood(frames));
    frames = new ArrayList<>();
    expected = new ArrayList<>();
    for (int i = 0; i < rate * 4; i++) {
      String id = Corpus.id("fl");
      frames.add(Values.chat(id, "nobody-" + id, "flood"));
      expected.add(i < rate ? Msg.ack(id) : Msg.rateLimited(id));
    }
    c.add("a flood of " + rate * 4 + " chats: refused, never closed", Expected.open("LL-LIM-3", expected), flood(frames));
    for (String kind : List.of("join", "leave")) {
      frames = new ArrayList<>();
      expected = new ArrayList<>();
      for (int i = 0; i < rate + 2; i++) {
        String id = Corpus.id("fl");
        frames.add(kind.equals("join") ? Values.join(id, "flood-" + id) : Values.leave(id, "flood-" + id));
        expected.add(i >= rate ? Msg.rateLimited(id) : kind.equals("join") ? Msg.joined(id, "flood-" + id) : Msg.left(id, "flood-" + id));
      }
      c.add("a flood of " + (rate + 2) + " " + kind + "s", Expected.open("LL-LIM-3", expected), flood(frames));
    }
    frames = new ArrayList<>();
    expected = new ArrayList<>();
    for (int i = 0; i < rate + 2; i++) {
      String id = Corpus.id("fl");
      String[] three = {Values.chat(id, "nobody-" + id, "x"), Values.join(id, "mix-" + id), Values.leave(id, "mix-" + id)};
      frames.add(three[i % 3]);
      Msg answer = i % 3 == 0 ? Msg.ack(id) : i % 3 == 1 ? Msg.joined(id, "mix-" + id) : Msg.left(id, "mix-" + id);
      expected.add(i < rate ? answer : Msg.rateLimited(id));
    }
    c.add("a flood mixing chats, joins and leaves", Expected.open("LL-LIM-3: one budget for the three", expected), flood(frames));
    frames = new ArrayList<>();
    expected = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String id = Corpus.id("fl");
      frames.add(Values.ping(id));
      expected.add(Msg.pong(id));
    }
    c.add("a flood of 100 pings", Expected.open("LL-LIM-5", expected), flood(frames));
    frames = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      frames.add("{\"type\":\"ack\",\"seq\":" + (i + 1) + "}");
    }
    c.add("a flood of 50 delivery acks", Expected.ignored("LL-LIM-5 + LL-DLV-9"), flood(frames));
    frames = new ArrayList<>();
    expected = new ArrayList<>();
    for (int i = 0; i < rate; i++) {
      String id = Corpus.id("fl");
      frames.add(Values.chat(id, "nobody-" + id, "x"));
      expected.add(Msg.ack(id));
      String p = Corpus.id("fl");
      frames.add(Values.ping(p));
      expected.add(Msg.pong(p));
    }
    String last = Corpus.id("fl");
    frames.add(Values.chat(last, "nobody-" + last, "x"));
    expected.add(Msg.rateLimited(last));
    String p = Corpus.id("fl");
    frames.add(Values.ping(p));
    expected.add(Msg.pong(p));
    c.add("chats at the limit interleaved with pings, one chat over", Expected.open("LL-LIM-3 + LL-LIM-5", expected), flood(frames));
    frames = new ArrayList<>();
    expected = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String id = Corpus.id("fl");
      frames.add("{\"type\":\"typing\",\"id\":\"" + id + "\"}");
      expected.add(Msg.unknownType(id));
    }
    String after = Corpus.id("fl");
    frames.add(Values.chat(after, "nobody-" + after, "x"));
    expected.add(Msg.ack(after));
    c.add("30 unknown types, then a chat (unknown types are not rate limited)", Expected.open("LL-LIM-3 counts chat, join, leave", expected),
        flood(frames));
  }

  private static HostileInput.Attack flood(List<String> frames) {
    List<String> copy = List.copyOf(frames);
    return Attacks.freshSession(Arena::flood, user -> copy);
  }
}
