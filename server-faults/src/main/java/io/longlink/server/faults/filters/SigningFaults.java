package io.longlink.server.faults.filters;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.longlink.codec.DecodeResult;
import io.longlink.model.Chat;
import io.longlink.model.ClientMessage;
import io.longlink.protocol.ErrorCode;
import io.longlink.server.auth.TokenVerifier;
import io.longlink.server.faults.wire.FrameFilter;
import io.longlink.server.faults.wire.Json;
import io.longlink.server.faults.wire.Link;
import io.longlink.signing.ChatSignature;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Faults of authentication and signing. Most need the server's secrets and run inside the
 * reference server only: a chat they let through is signed again with the right key, so that the
 * server, which checks every signature, takes it. Two need no secret and run on a proxy too.
 */
public final class SigningFaults {

  /** Ids allow A-Z a-z 0-9 . _ : - only: a prefix of those that no client's id is likely to start with. */
  private static final Pattern PREFIXED = Pattern.compile("^c[0-9]+:dd:");

  private SigningFaults() {}

  /** LL-SEC-3: a token in the URL query authenticates when the one in auth does not. */
  public static FrameFilter urlTokens(TokenVerifier verifier) {
    return urlTokens((inAuth, inUrl) -> !verifier.verify(inAuth).accepted() && verifier.verify(inUrl).accepted());
  }

  /**
   * LL-SEC-3 (on a proxy, which cannot verify tokens): a token in the URL query stands in for one
   * in auth that is not even shaped like a JWT (three dot-separated parts).
   */
  public static FrameFilter urlTokensForMalformed() {
    return urlTokens((inAuth, inUrl) -> inAuth.split("\\.", -1).length != 3);
  }

  /** Puts the URL's token in auth when {@code insteadOf} says so of the two. */
  private static FrameFilter urlTokens(java.util.function.BiPredicate<String, String> insteadOf) {
    return new FrameFilter() {
      @Override
      public void fromClient(String text, Link link) {
        String urlToken = queryToken(link.query());
        ObjectNode auth = urlToken != null && link.authOk() == null ? Json.ofType(text, "auth") : null;
        if (auth != null && insteadOf.test(auth.path("token").asText(), urlToken)) {
          auth.put("token", urlToken);
          link.toServer(Json.write(auth));
        } else {
          link.toServer(text);
        }
      }
    };
  }

  /** LL-SEC-4: chat signatures not verified. */
  public static FrameFilter unverifiedSignatures(byte[] secret) {
    return resigning(secret, (chat, now, window, link) -> !ChatSignature.verify(key(secret, link.user()), chat));
  }

  /** LL-SEC-5: a ts older than the replay window refused, but any ts in the future taken. */
  public static FrameFilter futureTimestamps(byte[] secret) {
    return resigning(secret, (chat, now, window, link) -> chat.ts() != null && chat.ts() - now > window
        && ChatSignature.verify(key(secret, link.user()), chat));
  }

  /** LL-SEC-5 (wide): signing.replay_window_ms read as seconds. */
  public static FrameFilter windowInSeconds(byte[] secret) {
    return resigning(secret, (chat, now, window, link) -> chat.ts() != null && Math.abs(now - chat.ts()) > window
        && Math.abs(now - chat.ts()) <= window * 1_000 && ChatSignature.verify(key(secret, link.user()), chat));
  }

  /** LL-SEC-5 (narrow): a tenth of the replay window: a ts a few seconds off refused. */
  public static FrameFilter narrowWindow() {
    return new FrameFilter() {
      @Override
      public void fromClient(String text, Link link) {
        Chat chat = signedChat(text, link);
        long window = chat == null ? 0 : replayWindow(link);
        long off = chat == null || chat.ts() == null ? 0 : Math.abs(link.nowMs() - chat.ts());
        if (chat != null && off > Math.max(1, window / 10) && off <= window) {
          link.toClient(Messages.error(ErrorCode.STALE_MESSAGE, "ts differs from the server clock by " + off
              + " ms, more than the replay window of " + Math.max(1, window / 10) + " ms", chat.id()));
        } else {
          link.toServer(text);
        }
      }
    };
  }

  /** LL-DD-3: repeats recognised only on the connection of the original: each connection's ids made its own. */
  public static Supplier<FrameFilter> dedupPerConnection(byte[] secret) {
    AtomicLong connections = new AtomicLong();
    return () -> new FrameFilter() {
      private final String prefix = "c" + connections.incrementAndGet() + ":dd:";

      @Override
      public void fromClient(String text, Link link) {
        ObjectNode chat = link.authOk() != null ? Json.ofType(text, "chat") : null;
        String id = chat == null ? null : chat.path("id").asText(null);
        if (id == null || (prefix + id).length() > 64 || !Messages.CODEC.decodeClientMessage(text).isOk()) {
          link.toServer(text);
          return;
        }
        // Signed again only when it was signed right: a bad signature stays bad (LL-SEC-4).
        Chat original = (Chat) Messages.CODEC.decodeClientMessage(text).message();
        boolean resign = secret != null && chat.has("sig") && signs(link)
            && ChatSignature.verify(key(secret, link.user()), original);
        chat.put("id", prefix + id);
        if (resign) {
          Chat renamed = (Chat) Messages.CODEC.decodeClientMessage(Json.write(chat)).message();
          chat.put("sig", ChatSignature.sign(key(secret, link.user()), renamed));
        }
        link.toServer(Json.write(chat));
      }

      @Override
      public void fromServer(String text, Link link) {
        boolean ack = Json.isType(text, "ack");
        boolean delivery = !ack && Json.isType(text, "chat");
        boolean error = !ack && !delivery && Json.isType(text, "error");
        if (!ack && !delivery && !error) {
          link.toClient(text);
          return;
        }
        ObjectNode m = Json.parse(text);
        String member = error ? "ref" : "id";
        String value = m.path(member).asText(null);
        if (value != null && PREFIXED.matcher(value).find()) {
          m.put(member, PREFIXED.matcher(value).replaceFirst(""));
          link.toClient(Json.write(m));
        } else {
          link.toClient(text);
        }
      }
    };
  }

  /** The chats a signing fault lets through: it signs them again with a ts of now. */
  @FunctionalInterface
  interface Pass {
    boolean test(Chat chat, long nowMs, long replayWindowMs, Link link);
  }

  private static FrameFilter resigning(byte[] secret, Pass pass) {
    return new FrameFilter() {
      @Override
      public void fromClient(String text, Link link) {
        Chat chat = signedChat(text, link);
        long now = link.nowMs();
        if (chat == null || !pass.test(chat, now, replayWindow(link), link)) {
          link.toServer(text);
          return;
        }
        Chat fresh = new Chat(chat.id(), chat.to(), chat.body(), now, null);
        ObjectNode node = Json.parse(text);
        node.put("ts", now);
        node.put("sig", ChatSignature.sign(key(secret, link.user()), fresh));
        link.toServer(Json.write(node));
      }
    };
  }

  /** The chat {@code text} holds when the session signs chats and it decodes; null otherwise. */
  private static Chat signedChat(String text, Link link) {
    if (!signs(link) || !Json.isType(text, "chat")) {
      return null;
    }
    DecodeResult<ClientMessage> decoded = Messages.CODEC.decodeClientMessage(text);
    return decoded.isOk() && decoded.message() instanceof Chat chat ? chat : null;
  }

  private static boolean signs(Link link) {
    return link.authOk() != null && link.authOk().path("signing").isObject();
  }

  private static long replayWindow(Link link) {
    return link.authOk().path("signing").path("replay_window_ms").asLong();
  }

  private static byte[] key(byte[] secret, String user) {
    return ChatSignature.hmac(secret, "longlink-signing-key:" + user);
  }

  /** The value of a {@code token} or {@code access_token} parameter of a URL query, or null. */
  static String queryToken(String query) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if ((name.equals("token") || name.equals("access_token")) && eq > 0) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
