package io.longlink.protocol;

import io.longlink.model.AuthOk;
import java.util.ArrayList;
import java.util.List;

/** Checks the session parameters of an auth_ok against LL-PAR-1: ranges and the relations between them. */
public final class ParameterCheck {

  private ParameterCheck() {}

  /** Every way {@code authOk} breaks LL-PAR-1, in words; empty when it is consistent. */
  public static List<String> problems(AuthOk authOk) {
    List<String> problems = new ArrayList<>();
    for (SessionParameter p : SessionParameter.values()) {
      p.readFrom(authOk).ifPresentOrElse(value -> {
        if (!p.allows(value.doubleValue())) {
          problems.add(p.path() + " is " + SessionParameter.format(value.doubleValue())
              + ", outside its allowed range " + p.rangeText());
        }
      }, () -> {
        if (p != SessionParameter.REPLAY_WINDOW_MS) {
          problems.add(p.path() + " is missing");
        }
      });
    }
    if (problems.isEmpty()) {
      relations(authOk, problems);
    }
    return problems;
  }

  private static void relations(AuthOk a, List<String> problems) {
    long interval = a.heartbeat().intervalMs();
    long timeout = a.heartbeat().timeoutMs();
    if (timeout < 2 * interval) {
      problems.add("heartbeat.timeout_ms is " + timeout + " but has to be at least twice heartbeat.interval_ms (2 x "
          + interval + " = " + 2 * interval + ")");
    }
    long initial = a.reconnect().initialDelayMs();
    long cap = a.reconnect().maxDelayMs();
    if (cap < initial) {
      problems.add("reconnect.max_delay_ms is " + cap + " but has to be at least reconnect.initial_delay_ms (" + initial + ")");
    }
    long maxBytes = a.limits().maxMessageBytes();
    long pendingBytes = a.delivery().maxPendingBytes();
    if (pendingBytes < 2 * maxBytes) {
      problems.add("delivery.max_pending_bytes is " + pendingBytes + " but has to be at least twice limits.max_message_bytes (2 x "
          + maxBytes + " = " + 2 * maxBytes + ")");
    }
    if (a.signing() != null && a.signing().replayWindowMs() > a.dedupWindowMs()) {
      problems.add("signing.replay_window_ms is " + a.signing().replayWindowMs()
          + " but has to be at most dedup_window_ms (" + a.dedupWindowMs() + ")");
    }
  }
}
