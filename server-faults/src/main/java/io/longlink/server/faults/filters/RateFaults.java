package io.longlink.server.faults.filters;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.longlink.protocol.ErrorCode;
import io.longlink.server.faults.wire.FrameFilter;
import io.longlink.server.faults.wire.Json;
import io.longlink.server.faults.wire.Link;
import io.longlink.server.faults.ports.RateLimitFaults;
import io.longlink.server.limits.RateLimit;
import io.longlink.server.limits.RateLimiter;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Rate limits that count the wrong messages, or refuse and act all the same: a sliding window
 * of the advertised size in front of the server, counting what the fault says. The server's own
 * limit has to let through all this one does (none, or one that counts a subset of these).
 */
public final class RateFaults {

  private RateFaults() {}

  /** LL-LIM-5: pings and delivery acks counted against the rate. */
  public static Supplier<FrameFilter> countsPingsAndAcks() {
    return () -> new Limited(Set.of("chat", "join", "leave", "ping", "ack"), false);
  }

  /** LL-LIM-4 (on a proxy): half of limits.rate_messages let through. */
  public static Supplier<FrameFilter> halfTheRate() {
    return () -> new Limited(RATED, false, 2, false);
  }

  /** LL-LIM-4 (refused, on a proxy): the messages refused for rate counted against the rate too. */
  public static Supplier<FrameFilter> countsRefused() {
    return () -> new Limited(RATED, false, 1, true);
  }

  private static final Set<String> RATED = Set.of("chat", "join", "leave");

  /** LL-LIM-3 (chats-only): chats counted, joins and leaves not; the server's own limit must be off. */
  public static Supplier<FrameFilter> countsChatsOnly() {
    return () -> new Limited(Set.of("chat"), false);
  }

  /** LL-LIM-3 (acts): a chat over the rate refused with rate_limited, then passed on all the same; the server's limit off. */
  public static Supplier<FrameFilter> refusesThenActs() {
    return () -> new Limited(Set.of("chat", "join", "leave"), true);
  }

  private static final class Limited implements FrameFilter {
    private final Set<String> counted;
    private final boolean chatsGoOn;
    private final int divisor;
    private final boolean refusalsCount;
    private RateLimit limiter;

    Limited(Set<String> counted, boolean chatsGoOn) {
      this(counted, chatsGoOn, 1, false);
    }

    Limited(Set<String> counted, boolean chatsGoOn, int divisor, boolean refusalsCount) {
      this.counted = counted;
      this.chatsGoOn = chatsGoOn;
      this.divisor = divisor;
      this.refusalsCount = refusalsCount;
    }

    @Override
    public void fromClient(String text, Link link) {
      ObjectNode message = link.authOk() == null ? null : Json.parse(text);
      String type = Json.type(message);
      if (type == null || !counted.contains(type)) {
        link.toServer(text);
        return;
      }
      ObjectNode limits = (ObjectNode) link.authOk().path("limits");
      long rate = limits.path("rate_messages").asLong();
      long window = limits.path("rate_window_ms").asLong();
      if (limiter == null) {
        int limit = (int) Math.max(1, rate / divisor);
        limiter = refusalsCount ? RateLimitFaults.COUNTS_REFUSED.forConnection(limit, window) : new RateLimiter(limit, window);
      }
      long wait = limiter.tryAcquire(link.nowMs());
      if (wait == 0) {
        link.toServer(text);
        return;
      }
      String ref = message.path("id").isTextual() ? message.path("id").asText() : null;
      link.toClient(Messages.retryable(ErrorCode.RATE_LIMITED, "more than " + rate + " messages in " + window
          + " ms on this connection; send it again after retry_after_ms", ref, wait));
      if (chatsGoOn && "chat".equals(type)) {
        link.toServer(text);
      }
    }
  }
}
