package io.longlink.server.robustness;

import io.longlink.server.testing.TestServer;
import java.util.List;

/**
 * The opening handshake: every way to (not) offer longlink.v1 (LL-TR-2, LL-TR-3: a 101 without a
 * subprotocol, then 4007; never an HTTP 5xx), tokens outside the auth message (LL-SEC-3), and
 * requests that are not a WebSocket upgrade (refused with a 4xx).
 */
final class HandshakeInputs {

  private static final String PROTOCOL = "Sec-WebSocket-Protocol: ";

  private HandshakeInputs() {}

  static List<HostileInput> all() {
    Corpus c = new Corpus("handshake");
    subprotocols(c);
    urlTokens(c);
    notUpgrades(c);
    return c.inputs();
  }

  private static Msg upgraded(Object subprotocol) {
    return Msg.of("101", "subprotocol", subprotocol);
  }

  private static void subprotocols(Corpus c) {
    Expected refused = Expected.closed("LL-TR-3", 4007, upgraded(Msg.ABSENT));
    c.add("an upgrade offering no subprotocol", refused, Attacks.handshake("{path}", List.of(), true));
    String decided = "LL-TR-3 (decided: case variants are other tokens, never an HTTP 500)";
    for (String variant : List.of("LONGLINK.V1", "Longlink.v1", "longlink.V1", "LongLink.V1")) {
      c.add("an upgrade offering only " + variant, Expected.closed(decided, 4007, upgraded(Msg.ABSENT)),
          Attacks.handshake("{path}", List.of(PROTOCOL + variant), true));
    }
    for (String other : List.of("longlink.v2", "longlink", "longlink.v1.0", "longlink.v10", "longlink-v1", "v1", "chat, superchat", "wamp")) {
      c.add("an upgrade offering only " + other, refused, Attacks.handshake("{path}", List.of(PROTOCOL + other), true));
    }
    c.add("an upgrade with an empty subprotocol header", refused, Attacks.handshake("{path}", List.of(PROTOCOL), true));
    String[][] accepted = {{"another token first, then longlink.v1", PROTOCOL + "chat, longlink.v1"},
        {"longlink.v1, then another token", PROTOCOL + "longlink.v1, chat"},
        {"longlink.v1 padded with spaces", PROTOCOL + "   longlink.v1   "},
        {"longlink.v1 twice", PROTOCOL + "longlink.v1, longlink.v1"}};
    for (String[] a : accepted) {
      String user = TestServer.user("hs");
      c.add("an upgrade offering " + a[0], Expected.open("LL-TR-2", upgraded("longlink.v1"), Msg.authOk(user)),
          Attacks.handshake("{path}", List.of(a[1]), true, Tokens.auth(TestServer.token(user))));
    }
    String user = TestServer.user("hs");
    c.add("an upgrade offering chat and longlink.v1 in two header lines", Expected.open("LL-TR-2", upgraded("longlink.v1"), Msg.authOk(user)),
        Attacks.handshake("{path}", List.of(PROTOCOL + "chat", PROTOCOL + "longlink.v1"), true, Tokens.auth(TestServer.token(user))));
  }

  private static void urlTokens(Corpus c) {
    String rule = "LL-SEC-3";
    String offered = PROTOCOL + "longlink.v1";
    Msg up = upgraded("longlink.v1");
    String url = TestServer.token(TestServer.user("url"));
    c.add("a valid token in the URL query, then an auth with a garbage token", Expected.closed(rule, 4001, up),
        Attacks.handshake("{path}?token=" + url, List.of(offered), true, Tokens.auth("garbage")));
    c.add("a valid token as access_token in the URL, then an auth with a garbage token", Expected.closed(rule, 4001, up),
        Attacks.handshake("{path}?access_token=" + url, List.of(offered), true, Tokens.auth("garbage")));
    c.add("a valid token in the URL query, then a ping instead of auth", Expected.closed(rule + " + LL-AUTH-9", 4005, up),
        Attacks.handshake("{path}?token=" + url, List.of(offered), true, Values.ping("u-1")));
    c.add("a valid token in the URL path, then an auth with a garbage token", Expected.http4xx(rule + ": the endpoint is /ws only"),
        Attacks.handshake("{path}/" + url, List.of(offered), true, Tokens.auth("garbage")));
    c.add("a valid token in an Authorization header, then an auth with a garbage token", Expected.closed(rule, 4001, up),
        Attacks.handshake("{path}", List.of(offered, "Authorization: Bearer " + url), true, Tokens.auth("garbage")));
    c.add("a valid token in a cookie, then an auth with a garbage token", Expected.closed(rule, 4001, up),
        Attacks.handshake("{path}", List.of(offered, "Cookie: token=" + url), true, Tokens.auth("garbage")));
    String other = TestServer.user("url-other");
    c.add("one user's token in the URL and another's in auth: auth decides", Expected.open(rule, up, Msg.authOk(other)),
        Attacks.handshake("{path}?token=" + url, List.of(offered), true, Tokens.auth(TestServer.token(other))));
    long t = Corpus.AUTH_TIMEOUT_MS;
    c.add("a valid token in the URL query and no auth", Expected.closed(rule + " + LL-AUTH-8", 4004, up)
        .within(t - Corpus.EARLY_MS, t + 1_000 + Corpus.LATE_MS), Attacks.handshake("{path}?token=" + url, List.of(offered), true));
  }

  private static void notUpgrades(Corpus c) {
    String rule = "not a WebSocket upgrade: an HTTP refusal, never a 5xx";
    String offered = PROTOCOL + "longlink.v1";
    c.add("an upgrade to another path", Expected.http4xx(rule), Attacks.handshake("/chat", List.of(offered), true));
    c.add("an upgrade asking for WebSocket version 8", Expected.http4xx(rule),
        Attacks.handshake("{path}", List.of(offered, "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Version: 8",
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="), false));
    c.add("an upgrade without Sec-WebSocket-Key", Expected.http4xx(rule),
        Attacks.handshake("{path}", List.of(offered, "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Version: 13"), false));
    c.add("a plain GET of the endpoint", Expected.http4xx(rule), Attacks.handshake("{path}", List.of(offered), false));
    c.add("an upgrade with a 10000-character subprotocol header", Expected.http4xx(rule),
        Attacks.handshake("{path}", List.of(PROTOCOL + "x".repeat(10_000)), true));
  }
}
