package io.longlink.server.robustness;

import static io.longlink.server.robustness.Values.with;

import io.longlink.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The auth message: schema-invalid ones before the session (4001, LL-AUTH-11), a second one in
 * it (4006, LL-AUTH-10), every way a token can be wrong (4001, 4002, 4003) and no auth at all
 * (4004, LL-AUTH-8); with valid edge cases that get their auth_ok.
 */
final class AuthInputs {

  private static final String AUTH11 = "LL-AUTH-11";

  private AuthInputs() {}

  static List<HostileInput> all() {
    Corpus c = new Corpus("auth");
    schema(c);
    valid(c);
    second(c);
    tokens(c);
    timeout(c);
    return c.inputs();
  }

  private static String user() {
    return TestServer.user("auth");
  }

  private static String authFor(String user) {
    return Tokens.auth(TestServer.token(user));
  }

  private static void schema(Corpus c) {
    String[][] members = {{"token", "s"}, {"client/name", "s"}, {"client/version", "s"}, {"last_seq", "n"}};
    for (String[] m : members) {
      (m[1].equals("s") ? Values.notStrings() : Values.notIntegers()).forEach((what, value) ->
          c.add("auth with " + m[0] + " as " + what, Expected.closed(AUTH11, 4001), Attacks.beforeAuth(with(authFor(user()), m[0], value))));
    }
    c.add("auth with an empty token", Expected.closed(AUTH11, 4001), Attacks.beforeAuth(with(authFor(user()), "token", "\"\"")));
    c.add("auth with a token of 8193 characters", Expected.closed(AUTH11, 4001),
        Attacks.beforeAuth(with(authFor(user()), "token", "\"" + "t".repeat(8_193) + "\"")));
    c.add("auth with an empty client.name", Expected.closed(AUTH11, 4001), Attacks.beforeAuth(with(authFor(user()), "client/name", "\"\"")));
    c.add("auth with a client.name of 65 characters", Expected.closed(AUTH11, 4001),
        Attacks.beforeAuth(with(authFor(user()), "client/name", "\"" + "n".repeat(65) + "\"")));
    c.add("auth with an empty client.version", Expected.closed(AUTH11, 4001), Attacks.beforeAuth(with(authFor(user()), "client/version", "\"\"")));
    c.add("auth with a client.version of 33 characters", Expected.closed(AUTH11, 4001),
        Attacks.beforeAuth(with(authFor(user()), "client/version", "\"" + "1".repeat(33) + "\"")));
    c.add("auth with last_seq -1", Expected.closed(AUTH11, 4001), Attacks.beforeAuth(with(authFor(user()), "last_seq", "-1")));
    c.add("auth with last_seq 2^53", Expected.closed(AUTH11, 4001), Attacks.beforeAuth(with(authFor(user()), "last_seq", "9007199254740992")));
    for (String missing : List.of("token", "client", "client/name", "client/version")) {
      c.add("auth without " + missing, Expected.closed(AUTH11, 4001), Attacks.beforeAuth(with(authFor(user()), missing, null)));
    }
    for (String bad : List.of("null", "true", "0", "\"longlink-miniprogram\"", "[]", "[\"x\",\"1\"]")) {
      c.add("auth with client as " + bad, Expected.closed(AUTH11, 4001), Attacks.beforeAuth(with(authFor(user()), "client", bad)));
    }
    c.add("auth with nothing but its type", Expected.closed(AUTH11, 4001), Attacks.beforeAuth("{\"type\":\"auth\"}"));
  }

  private static void valid(Corpus c) {
    String[][] fine = {{"a client.name of 64 characters", "client/name", "\"" + "n".repeat(64) + "\""},
        {"a client.version of 32 characters", "client/version", "\"" + "1".repeat(32) + "\""}, {"last_seq 0", "last_seq", "0"},
        {"last_seq 2^53-1", "last_seq", String.valueOf(Values.MAX_SAFE)}, {"an unknown member", "x", "{\"y\":[1,2]}"},
        {"an unknown member in client", "client/os", "\"wechat\""}, {"a Chinese client.name", "client/name", "\"\u5c0f\u7a0b\u5e8f\""}};
    for (String[] f : fine) {
      String u = user();
      c.add("auth with " + f[0], Expected.open("LL-AUTH-2", Msg.authOk(u)), Attacks.beforeAuth(with(authFor(u), f[1], f[2])));
    }
    String u = user();
    String id = Corpus.id("a");
    c.add("auth and a chat in one burst, before auth_ok could arrive", Expected.open("PROTOCOL.md §7 frame order", Msg.authOk(u), Msg.ack(id)),
        Attacks.beforeAuth(authFor(u), Values.chat(id, "nobody-" + id, "hi")));
  }

  private static void second(Corpus c) {
    String rule = "LL-AUTH-10";
    c.add("a second valid auth in the session", Expected.closed(rule, 4006),
        Attacks.sessionOn(Arena::main, me -> List.of(Tokens.auth(TestServer.token(me)))));
    c.add("a second auth as another user", Expected.closed(rule, 4006), Attacks.session(authFor(user())));
    c.add("a second auth with a garbage token", Expected.closed(rule, 4006), Attacks.session(Tokens.auth("garbage")));
    String ambiguous = "LL-AUTH-10 over LL-ERR-5 (ambiguous: see report)";
    c.add("a second auth that fails its schema", Expected.closed(ambiguous, 4006), Attacks.session("{\"type\":\"auth\",\"token\":5}"));
    c.add("a second auth with nothing but its type", Expected.closed(ambiguous, 4006), Attacks.session("{\"type\":\"auth\"}"));
  }

  private static void tokens(Corpus c) {
    String hs = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
    long now = Tokens.nowSeconds();
    String u = user();
    c.add("a valid token (control)", Expected.open("LL-AUTH-3", Msg.authOk(u)), Attacks.beforeAuth(Tokens.auth(TestServer.token(u))));
    tokenCloses(c, "LL-AUTH-5", 4001, new String[][] {
        {"a token signed with another secret", Tokens.signed(hs, claims(), "HmacSHA256", "another-secret-0123456789abcdef!".getBytes(StandardCharsets.UTF_8))},
        {"an expired token signed with another secret", Tokens.signed(hs,
            "{\"sub\":\"mallory\",\"exp\":" + (now - 3_600) + ",\"scope\":\"longlink\"}", "HmacSHA256", "x".repeat(32).getBytes(StandardCharsets.UTF_8))},
        {"an unsigned token with alg none", Tokens.unsigned("{\"alg\":\"none\"}", claims())},
        {"an unsigned token with alg None", Tokens.unsigned("{\"alg\":\"None\"}", claims())},
        {"an alg none token carrying a real signature", Tokens.unsigned("{\"alg\":\"none\"}", claims())
            + TestServer.token("mallory").substring(TestServer.token("mallory").lastIndexOf('.') + 1)},
        {"a token signed HS512 with the right secret", Tokens.signed("{\"alg\":\"HS512\"}", claims(), "HmacSHA512", TestServer.JWT_SECRET)},
        {"a token signed HS384 with the right secret", Tokens.signed("{\"alg\":\"HS384\"}", claims(), "HmacSHA384", TestServer.JWT_SECRET)},
        {"a token claiming RS256, HMAC-signed", Tokens.signed("{\"alg\":\"RS256\"}", claims(), "HmacSHA256", TestServer.JWT_SECRET)},
        {"a token whose sub is a number (decided: 4001)", Tokens.hs256(Tokens.claims("\"sub\":12345", ""))},
        {"a token without sub", Tokens.hs256(Tokens.claims("\"iss\":\"x\"", ""))},
        {"a token whose sub is empty", Tokens.hs256(Tokens.claims("\"sub\":\"\"", ""))},
        {"a token whose sub holds a space", Tokens.hs256(Tokens.claims("\"sub\":\"bob smith\"", ""))},
        {"a token whose sub is 129 characters", Tokens.hs256(Tokens.claims("\"sub\":\"" + "s".repeat(129) + "\"", ""))},
        {"a token whose sub is an array", Tokens.hs256(Tokens.claims("\"sub\":[\"bob\"]", ""))},
        {"a token whose sub is null", Tokens.hs256(Tokens.claims("\"sub\":null", ""))},
        {"a token whose exp is a string", Tokens.hs256("{\"sub\":\"bob\",\"exp\":\"tomorrow\",\"scope\":\"longlink\"}")},
        {"a token not valid for another hour (nbf)", Tokens.hs256(Tokens.claims("\"sub\":\"bob\"", ",\"nbf\":" + (now + 3_600)))},
        {"a token whose claims are not JSON", Tokens.signed(hs, "not json", "HmacSHA256", TestServer.JWT_SECRET)},
        {"a token whose sub was changed after signing", swapClaims(TestServer.token("bob"), claims())},
        {"a valid token with a character of its signature changed", flipSignature(TestServer.token("bob"))},
        {"a valid token without its signature", TestServer.token("bob").substring(0, TestServer.token("bob").lastIndexOf('.') + 1)},
        {"a valid token truncated by half", TestServer.token("bob").substring(0, TestServer.token("bob").length() / 2)},
        {"a five-part token shaped like a JWE", "eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4R0NNIn0..aaaa.bbbb.cccc"},
        {"the token x", "x"}, {"the token a.b.c", "a.b.c"}, {"the token ...", "..."}, {"a token of 8192 characters", "t".repeat(8_192)}});
    tokenCloses(c, "LL-AUTH-6", 4002, new String[][] {
        {"a hand-made token that expired an hour ago", Tokens.hs256("{\"sub\":\"" + user() + "\",\"exp\":" + (now - 3_600) + ",\"scope\":\"longlink\"}")},
        {"a library-minted token that expired an hour ago", TestServer.expiredToken(user())}});
    tokenCloses(c, "LL-AUTH-7", 4003, new String[][] {
        {"a token without scope", Tokens.hs256("{\"sub\":\"" + user() + "\",\"exp\":" + (now + 3_600) + "}")},
        {"a token with scope profile", TestServer.forbiddenToken(user())},
        {"a token with scope LONGLINK in capitals", Tokens.hs256(Tokens.claims("\"sub\":\"" + user() + "\"", "").replace("\"longlink\"", "\"LONGLINK\""))},
        {"a token with scope longlinks", Tokens.hs256(Tokens.claims("\"sub\":\"" + user() + "\"", "").replace("\"longlink\"", "\"longlinks\""))}});
    String arrayScope = user();
    c.add("a token whose scope is an array holding longlink", Expected.open("LL-AUTH-3", Msg.authOk(arrayScope)),
        Attacks.beforeAuth(Tokens.auth(Tokens.hs256(Tokens.claims("\"sub\":\"" + arrayScope + "\"", "").replace("\"longlink\"", "[\"longlink\"]")))));
    String twoScopes = user();
    c.add("a token whose scope lists openid and longlink", Expected.open("LL-AUTH-3", Msg.authOk(twoScopes)),
        Attacks.beforeAuth(Tokens.auth(Tokens.hs256(Tokens.claims("\"sub\":\"" + twoScopes + "\"", "").replace("\"longlink\"", "\"openid longlink\"")))));
  }

  private static void tokenCloses(Corpus c, String rule, int code, String[][] tokens) {
    for (String[] t : tokens) {
      c.add("auth with " + t[0], Expected.closed(rule, code), Attacks.beforeAuth(Tokens.auth(t[1])));
    }
  }

  private static String claims() {
    return Tokens.claims("\"sub\":\"mallory\"", "");
  }

  private static String swapClaims(String token, String claims) {
    String[] parts = token.split("\\.");
    return parts[0] + "." + Tokens.b64(claims) + "." + parts[2];
  }

  /**
   * Changes the signature's first character, all 6 of whose bits are signature bits. Not the last:
   * of a 43-character HS256 signature it carries 4, and 'A' and 'B' differ only in the 2 unused
   * ones, so "changing" it left the token valid whenever it ended in one of them.
   */
  private static String flipSignature(String token) {
    int at = token.lastIndexOf('.') + 1;
    char c = token.charAt(at);
    return token.substring(0, at) + (c == 'A' ? 'Q' : 'A') + token.substring(at + 1);
  }

  private static void timeout(Corpus c) {
    long t = Corpus.AUTH_TIMEOUT_MS;
    String rule = "LL-AUTH-8";
    c.add("a connection that sends nothing", Expected.closed(rule, 4004).within(t - Corpus.EARLY_MS, t + 1_000 + Corpus.LATE_MS),
        Attacks.beforeAuthFrames());
    c.add("a connection that sends only WebSocket pings", Expected.closed(rule, 4004).within(t - Corpus.EARLY_MS, t + 1_000 + Corpus.LATE_MS),
        Attacks.beforeAuthFrames(WireClient.frame(true, 0, 0x9, new byte[0], true), WireClient.frame(true, 0, 0x9, new byte[1], true)));
    c.add("a connection that sends an unsolicited pong frame", Expected.closed(rule, 4004).within(t - Corpus.EARLY_MS, t + 1_000 + Corpus.LATE_MS),
        Attacks.beforeAuthFrames(WireClient.frame(true, 0, 0xA, new byte[0], true)));
    byte[] auth = authFor(user()).getBytes(StandardCharsets.UTF_8);
    c.add("a connection whose auth never gets its last fragment", Expected.closed(rule, 4004).within(t - Corpus.EARLY_MS, t + 1_000 + Corpus.LATE_MS),
        Attacks.beforeAuthFrames(WireClient.frame(false, 0, 0x1, Arrays.copyOf(auth, auth.length - 1), true)));
  }
}
