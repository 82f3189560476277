package io.longlink.kit.preflight;

import java.util.Optional;

/**
 * What one opening handshake with the target, and one {@code auth} on it, showed.
 *
 * @param reachable whether the target switched to WebSocket
 * @param subprotocol the subprotocol it selected, or null for none
 * @param problem why it is not reachable, for people; null when it is
 * @param sessionProblem why the kit's token got no session (no {@code auth_ok}), for people, with
 *     what to check; null when it got one, or when the target was not reachable
 */
public record PreflightResult(boolean reachable, String subprotocol, String problem, String sessionProblem) {

  static PreflightResult session(String subprotocol) {
    return new PreflightResult(true, subprotocol, null, null);
  }

  static PreflightResult noSession(String subprotocol, String why) {
    return new PreflightResult(true, subprotocol, null, why);
  }

  static PreflightResult unreachable(String problem) {
    return new PreflightResult(false, null, problem, null);
  }

  /** Whether the kit's token got a session: the one thing every scenario needs. */
  public boolean gotSession() {
    return reachable && sessionProblem == null;
  }

  /** The selected subprotocol, when there was one. */
  public Optional<String> selectedSubprotocol() {
    return Optional.ofNullable(subprotocol);
  }
}
