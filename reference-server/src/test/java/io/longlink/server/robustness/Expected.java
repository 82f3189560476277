package io.longlink.server.robustness;

import io.longlink.server.robustness.Observed.End;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The outcome the spec gives one input: exactly these messages, then the connection open, closed
 * with a code, or refused with an HTTP status; optionally what a witness receives and when.
 *
 * @param rule the PROTOCOL.md rule (or decision) the outcome comes from, for the failure message
 * @param extra a further condition on the observation, with its description; null for none
 */
record Expected(String rule, List<Msg> messages, End end, int code, List<Msg> witnessed, long minMs, long maxMs,
    String extraWhat, Predicate<Observed> extra) {

  /** HTTP "code" meaning any 4xx status. */
  static final int ANY_4XX = 400;

  static Expected open(String rule, Msg... messages) {
    return new Expected(rule, List.of(messages), End.OPEN, 0, List.of(), 0, Long.MAX_VALUE, null, null);
  }

  static Expected open(String rule, List<Msg> messages) {
    return new Expected(rule, List.copyOf(messages), End.OPEN, 0, List.of(), 0, Long.MAX_VALUE, null, null);
  }

  /** Nothing but the probe's pong: the input was ignored and the connection stayed open. */
  static Expected ignored(String rule) {
    return open(rule);
  }

  static Expected invalid(String rule, String pointer, String ref) {
    return open(rule, Msg.invalid(pointer, ref));
  }

  static Expected closed(String rule, int code, Msg... before) {
    return new Expected(rule, List.of(before), End.CLOSED, code, List.of(), 0, Long.MAX_VALUE, null, null);
  }

  /**
   * A close with {@code code}, or a connection dropped without a close frame: a server that
   * stops reading a huge frame may reset the connection before the client reads its close; the
   * IT then finds the code in the server's close counters.
   */
  static Expected closedOrDropped(String rule, int code) {
    return new Expected(rule, List.of(), End.CLOSED, code, List.of(), 0, Long.MAX_VALUE, "or dropped, counted in /metrics",
        o -> true);
  }

  boolean acceptsDrop() {
    return "or dropped, counted in /metrics".equals(extraWhat);
  }

  static Expected http4xx(String rule) {
    return new Expected(rule, List.of(), End.HTTP, ANY_4XX, List.of(), 0, Long.MAX_VALUE, null, null);
  }

  Expected witnessing(Msg... deliveries) {
    return new Expected(rule, messages, end, code, List.of(deliveries), minMs, maxMs, extraWhat, extra);
  }

  Expected within(long min, long max) {
    return new Expected(rule, messages, end, code, witnessed, min, max, extraWhat, extra);
  }

  Expected and(String what, Predicate<Observed> condition) {
    return new Expected(rule, messages, end, code, witnessed, minMs, maxMs, what, condition);
  }

  boolean matches(Observed o) {
    boolean dropped = acceptsDrop() && o.end() == End.RESET && o.messages().isEmpty();
    boolean endOk = dropped || o.end() == end && (end != End.CLOSED || o.code() == code)
        && (end != End.HTTP || (code == ANY_4XX ? o.code() >= 400 && o.code() < 500 : o.code() == code));
    return endOk && Msg.allMatch(messages, o.messages(), o.user()) && Msg.allMatch(witnessed, o.witnessed(), o.user())
        && o.elapsedMs() >= minMs && o.elapsedMs() <= maxMs && (extra == null || extra.test(o));
  }

  String describe() {
    List<String> parts = new ArrayList<>();
    Msg last = null;
    int repeats = 0;
    for (Msg m : messages) {
      if (m.equals(last)) {
        repeats++;
        continue;
      }
      if (last != null) {
        parts.add(repeats > 0 ? (repeats + 1) + " x " + last : last.toString());
      }
      last = m;
      repeats = 0;
    }
    if (last != null) {
      parts.add(repeats > 0 ? (repeats + 1) + " x " + last : last.toString());
    }
    parts.add(switch (end) {
      case OPEN -> messages.isEmpty() ? "nothing, connection open" : "connection open";
      case CLOSED -> "close " + code;
      case HTTP -> code == ANY_4XX ? "an HTTP 4xx refusal" : "HTTP " + code;
      default -> end.toString();
    });
    for (Msg w : witnessed) {
      parts.add("witness gets " + w);
    }
    if (minMs > 0 || maxMs < Long.MAX_VALUE) {
      parts.add("after " + minMs + "-" + maxMs + " ms");
    }
    if (extraWhat != null) {
      parts.add(extraWhat);
    }
    return String.join(", ", parts) + " [" + rule + "]";
  }
}
