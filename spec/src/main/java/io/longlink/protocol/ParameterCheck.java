package io.longlink.protocol;

import io.longlink.model.AuthOk;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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
    // Without signing, auth_ok has no replay window, and no relation asks for one.
    problems.addAll(relations(p -> p.readFrom(a).orElse(0L), a.signing() != null, SessionParameter::path));
  }

  /**
   * The relations between parameters LL-PAR-1 asks for, each one broken in words, naming the
   * parameters by {@code name}: a server's configuration (its flags) and an auth_ok (its members)
   * are checked by this one method.
   *
   * @param value the value of each parameter
   * @param signing whether the session signs chats (the replay window matters only then)
   */
  public static List<String> relations(Function<SessionParameter, Number> value, boolean signing,
      Function<SessionParameter, String> name) {
    List<String> problems = new ArrayList<>();
    long interval = value.apply(SessionParameter.HEARTBEAT_INTERVAL_MS).longValue();
    long timeout = value.apply(SessionParameter.HEARTBEAT_TIMEOUT_MS).longValue();
    if (timeout < 2 * interval) {
      problems.add(name.apply(SessionParameter.HEARTBEAT_TIMEOUT_MS) + " is " + timeout + "; it has to be at least twice "
          + name.apply(SessionParameter.HEARTBEAT_INTERVAL_MS) + " (2 x " + interval + " = " + 2 * interval + ")");
    }
    long initial = value.apply(SessionParameter.RECONNECT_INITIAL_DELAY_MS).longValue();
    long cap = value.apply(SessionParameter.RECONNECT_MAX_DELAY_MS).longValue();
    if (cap < initial) {
      problems.add(name.apply(SessionParameter.RECONNECT_MAX_DELAY_MS) + " is " + cap + "; it has to be at least "
          + name.apply(SessionParameter.RECONNECT_INITIAL_DELAY_MS) + " (" + initial + ")");
    }
    long maxBytes = value.apply(SessionParameter.MAX_MESSAGE_BYTES).longValue();
    long pendingBytes = value.apply(SessionParameter.MAX_PENDING_BYTES).longValue();
    if (pendingBytes < 2 * maxBytes) {
      problems.add(name.apply(SessionParameter.MAX_PENDING_BYTES) + " is " + pendingBytes + "; it has to be at least twice "
          + name.apply(SessionParameter.MAX_MESSAGE_BYTES) + " (2 x " + maxBytes + " = " + 2 * maxBytes
          + "), so that one largest chat always fits in an empty queue");
    }
    long replay = value.apply(SessionParameter.REPLAY_WINDOW_MS).longValue();
    long dedup = value.apply(SessionParameter.DEDUP_WINDOW_MS).longValue();
    if (signing && replay > dedup) {
      problems.add(name.apply(SessionParameter.REPLAY_WINDOW_MS) + " is " + replay + "; with signing on it has to be at most "
          + name.apply(SessionParameter.DEDUP_WINDOW_MS) + " (" + dedup + "), so that every replay inside the window is "
          + "caught as a duplicate");
    }
    return problems;
  }
}
