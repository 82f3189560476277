package io.longlink.server.connection;

import io.longlink.model.Chat;
import io.longlink.model.ErrorMessage;
import io.longlink.protocol.ErrorCode;
import io.longlink.protocol.SessionParameter;
import io.longlink.server.config.ServerConfig;
import io.longlink.server.limits.RateLimit;
import io.longlink.server.messaging.Errors;
import io.longlink.server.limits.RateLimits;
import io.longlink.signing.ChatSignature;

/**
 * The per-connection checks a message passes before the hub sees it: the rate limit (LL-LIM-3,
 * LL-LIM-4) and, when the session signs chats, the signature and the replay window (LL-SEC-4,
 * LL-SEC-5). Returns the error to send, or null to go on.
 */
final class ChatGuard {

  private final RateLimit limiter;
  private final long rateMessages;
  private final long rateWindowMs;
  private final byte[] signingKey;
  private final long replayWindowMs;

  ChatGuard(ServerConfig config, RateLimits rateLimits, String user) {
    this.rateMessages = config.millis(SessionParameter.RATE_MESSAGES);
    this.rateWindowMs = config.millis(SessionParameter.RATE_WINDOW_MS);
    this.limiter = rateLimits.forConnection((int) rateMessages, rateWindowMs);
    this.signingKey = config.signing() ? ChatSignature.hmac(config.signingSecret(), "longlink-signing-key:" + user) : null;
    this.replayWindowMs = config.millis(SessionParameter.REPLAY_WINDOW_MS);
  }

  /** Counts one rate-limited message; the error when it is over the limit. */
  ErrorMessage rate(String ref, long nowMs) {
    long wait = limiter.tryAcquire(nowMs);
    if (wait == 0) {
      return null;
    }
    return Errors.retryable(ErrorCode.RATE_LIMITED, "more than " + rateMessages + " chat, join and leave messages in "
        + rateWindowMs + " ms on this connection; send it again after retry_after_ms", ref, wait);
  }

  /** The signing error of a chat, or null when it is fine or the session does not sign. */
  ErrorMessage signature(Chat chat, long nowMs) {
    if (signingKey == null) {
      return null;
    }
    // LL-SEC-4: a session that signs has every chat's signature checked.
    if (!ChatSignature.verify(signingKey, chat)) {
      String missing = chat.sig() == null ? "sig is missing" : chat.ts() == null ? "ts is missing" : "sig does not match";
      return Errors.of(ErrorCode.BAD_SIGNATURE, missing + "; this session signs chats: put ts and sig = HMAC-SHA256 over "
          + "longlink.v1, chat, id, ts, to.kind, to.id and body as PROTOCOL.md §18 says", chat.id());
    }
    // LL-SEC-5: a ts off by more than the replay window either way is stale.
    long off = chat.ts() == null ? 0 : Math.abs(nowMs - chat.ts());
    if (off > replayWindowMs) {
      return Errors.of(ErrorCode.STALE_MESSAGE, "ts differs from the server clock by " + Math.abs(nowMs - chat.ts())
          + " ms, more than the replay window of " + replayWindowMs + " ms; check the clock, then send it again with a "
          + "fresh ts and sig", chat.id());
    }
    return null;
  }
}
