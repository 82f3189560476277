package io.longlink.kit.preflight;

import java.util.Optional;

/**
 * What one opening handshake with the target showed.
 *
 * @param reachable whether the target switched to WebSocket
 * @param subprotocol the subprotocol it selected, or null for none
 * @param problem why it is not reachable, for people; null when it is
 */
public record PreflightResult(boolean reachable, String subprotocol, String problem) {

  static PreflightResult reached(String subprotocol) {
    return new PreflightResult(true, subprotocol, null);
  }

  static PreflightResult unreachable(String problem) {
    return new PreflightResult(false, null, problem);
  }

  /** The selected subprotocol, when there was one. */
  public Optional<String> selectedSubprotocol() {
    return Optional.ofNullable(subprotocol);
  }
}
