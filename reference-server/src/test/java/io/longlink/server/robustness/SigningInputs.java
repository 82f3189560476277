package io.longlink.server.robustness;

import io.longlink.server.testing.TestServer;
import io.longlink.signing.ChatSignature;
import java.util.Base64;
import java.util.List;

/**
 * Chats to a server that signs them (PROTOCOL.md §18): missing, wrong and misplaced signatures
 * (bad_signature, LL-SEC-4), a ts outside the replay window (stale_message, LL-SEC-5), replays
 * of a signed frame (a duplicate ack, LL-DD-1), and signed chats that are fine.
 */
final class SigningInputs {

  private static final String SEC4 = "LL-SEC-4";
  private static final String SEC5 = "LL-SEC-5";

  private SigningInputs() {}

  /** A chat that {@code build} makes for the sender, sent on this worker's session with the signing server. */
  @FunctionalInterface
  private interface Signed {
    List<String> frames(String user, byte[] key, long now);
  }

  private static HostileInput.Attack signed(Signed build) {
    return Attacks.sessionOn(Arena::signing, user -> build.frames(user, TestServer.signingKey(user), System.currentTimeMillis()));
  }

  static String sig(byte[] key, String id, long ts, String kind, String to, String body) {
    String input = "longlink.v1\nchat\n" + id + "\n" + ts + "\n" + kind + "\n" + to + "\n" + body;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(ChatSignature.hmac(key, input));
  }

  static String chat(String id, String kind, String to, String body, Long ts, String sig) {
    return "{\"type\":\"chat\",\"id\":\"" + id + "\",\"to\":{\"kind\":\"" + kind + "\",\"id\":\"" + to + "\"},\"body\":\"" + body + "\""
        + (ts == null ? "" : ",\"ts\":" + ts) + (sig == null ? "" : ",\"sig\":\"" + sig + "\"") + "}";
  }

  /** A chat to user {@code to} signed as it is sent. */
  static String good(byte[] key, String id, String to, String body, long ts) {
    return chat(id, "user", to, body, ts, sig(key, id, ts, "user", to, body));
  }

  static List<HostileInput> all() {
    Corpus c = new Corpus("signing");
    long window = Corpus.REPLAY_WINDOW_MS;
    accepted(c, "a correctly signed chat (control)", (i, k, now) -> List.of(good(k, i, "nobody-" + i, "hi", now)));
    refused(c, SEC4, "bad_signature", "a chat without ts and sig", (i, k, now) -> chat(i, "user", "nobody-" + i, "hi", null, null));
    refused(c, SEC4, "bad_signature", "a chat with ts but no sig", (i, k, now) -> chat(i, "user", "nobody-" + i, "hi", now, null));
    refused(c, SEC4, "bad_signature", "a chat with sig but no ts",
        (i, k, now) -> chat(i, "user", "nobody-" + i, "hi", null, sig(k, i, now, "user", "nobody-" + i, "hi")));
    refused(c, SEC4, "bad_signature", "a chat whose sig has one character changed", (i, k, now) -> {
      String s = sig(k, i, now, "user", "nobody-" + i, "hi");
      return chat(i, "user", "nobody-" + i, "hi", now, (s.charAt(0) == 'A' ? "B" : "A") + s.substring(1));
    });
    refused(c, SEC4, "bad_signature", "a chat signed with another user's key",
        (i, k, now) -> good(TestServer.signingKey("someone-else"), i, "nobody-" + i, "hi", now));
    refused(c, SEC4, "bad_signature", "a chat signed with the spec's test-vector key",
        (i, k, now) -> good(ChatSignature.decodeKey("bG9uZ2xpbmstdGVzdC1rZXktMDAwMDAwMDAwMDAwMDA"), i, "nobody-" + i, "hi", now));
    refused(c, SEC4, "bad_signature", "a chat whose body differs from the signed one",
        (i, k, now) -> chat(i, "user", "nobody-" + i, "hi!", now, sig(k, i, now, "user", "nobody-" + i, "hi")));
    refused(c, SEC4, "bad_signature", "a chat whose recipient differs from the signed one",
        (i, k, now) -> chat(i, "user", "other-" + i, "hi", now, sig(k, i, now, "user", "nobody-" + i, "hi")));
    refused(c, SEC4, "bad_signature", "a room chat signed as a direct chat",
        (i, k, now) -> chat(i, "room", "nobody-" + i, "hi", now, sig(k, i, now, "user", "nobody-" + i, "hi")));
    refused(c, SEC4, "bad_signature", "a chat whose id differs from the signed one",
        (i, k, now) -> chat(i, "user", "nobody-" + i, "hi", now, sig(k, i + "x", now, "user", "nobody-" + i, "hi")));
    refused(c, SEC4, "bad_signature", "a chat whose ts differs by 1 ms from the signed one",
        (i, k, now) -> chat(i, "user", "nobody-" + i, "hi", now + 1, sig(k, i, now, "user", "nobody-" + i, "hi")));
    refused(c, SEC4, "bad_signature", "a chat signed over the fields without line feeds", (i, k, now) -> chat(i, "user", "nobody-" + i, "hi", now,
        Base64.getUrlEncoder().withoutPadding().encodeToString(ChatSignature.hmac(k, "longlink.v1chat" + i + now + "usernobody-" + i + "hi"))));
    refused(c, SEC4 + " before LL-SEC-5 (ambiguous: see report)", "bad_signature", "a stale chat that is also wrongly signed",
        (i, k, now) -> chat(i, "user", "nobody-" + i, "hi", now - window - 5_000, "A".repeat(43)));
    refused(c, SEC5, "stale_message", "a correctly signed chat whose ts is older than the replay window",
        (i, k, now) -> good(k, i, "nobody-" + i, "hi", now - window - 5_000));
    refused(c, SEC5, "stale_message", "a correctly signed chat whose ts is ahead by more than the replay window",
        (i, k, now) -> good(k, i, "nobody-" + i, "hi", now + window + 5_000));
    refused(c, SEC5, "stale_message", "a correctly signed chat with ts 0", (i, k, now) -> good(k, i, "nobody-" + i, "hi", 0));
    refused(c, SEC5, "stale_message", "a correctly signed chat with ts 2^53-1", (i, k, now) -> good(k, i, "nobody-" + i, "hi", Values.MAX_SAFE));
    accepted(c, "a correctly signed chat whose ts is half a window old", (i, k, now) -> List.of(good(k, i, "nobody-" + i, "hi", now - window / 2)));
    accepted(c, "a correctly signed chat with a Chinese body", (i, k, now) -> List.of(good(k, i, "nobody-" + i, "\u4f60\u597d", now)));
    accepted(c, "a correctly signed chat with a spoofed from", (i, k, now) -> List.of(Values.with(good(k, i, "nobody-" + i, "hi", now), "from", "\"x\"")));
    String r = Corpus.id("g");
    c.add("a signed chat replayed", Expected.open("LL-DD-1 within the replay window", Msg.ack(r), Msg.duplicateAck(r)),
        signed((u, k, now) -> {
          String frame = good(k, r, "nobody-" + r, "hi", now);
          return List.of(frame, frame);
        }));
    String t = Corpus.id("g");
    c.add("a signed chat replayed with another body and the old sig", Expected.open(SEC4, Msg.ack(t), Msg.error("bad_signature", t)),
        signed((u, k, now) -> List.of(good(k, t, "nobody-" + t, "hi", now), chat(t, "user", "nobody-" + t, "evil", now,
            sig(k, t, now, "user", "nobody-" + t, "hi")))));
    String p = Corpus.id("g");
    c.add("a signed chat whose sig has base64 padding", Expected.invalid("LL-ERR-5", "/sig", p),
        signed((u, k, now) -> List.of(chat(p, "user", "nobody-" + p, "hi", now, sig(k, p, now, "user", "nobody-" + p, "hi").substring(1) + "="))));
    return c.inputs();
  }

  private interface One {
    String frame(String id, byte[] key, long now);
  }

  private static void refused(Corpus c, String rule, String code, String name, One build) {
    String id = Corpus.id("g");
    c.add(name, Expected.open(rule, Msg.error(code, id)), signed((u, k, now) -> List.of(build.frame(id, k, now))));
  }

  private interface Many {
    List<String> frames(String id, byte[] key, long now);
  }

  private static void accepted(Corpus c, String name, Many build) {
    String id = Corpus.id("g");
    c.add(name, Expected.open("LL-SEC-4 + LL-SEC-5", Msg.ack(id)), signed((u, k, now) -> build.frames(id, k, now)));
  }
}
