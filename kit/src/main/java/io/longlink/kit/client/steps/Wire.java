package io.longlink.kit.client.steps;

import io.longlink.kit.client.harness.HarnessEvent;
import io.longlink.kit.client.harness.HarnessEvent.Kind;
import java.util.function.Predicate;

/** Predicates over harness events that the client steps share. */
final class Wire {

  private Wire() {}

  /** The attempt on this connection: its first bytes, not its TCP accept (HarnessEvent.Kind#ATTEMPT). */
  static Predicate<HarnessEvent> attempt(int connection) {
    return e -> e.kind() == Kind.ATTEMPT && e.connection() == connection;
  }

  static Predicate<HarnessEvent> anyAttempt() {
    return e -> e.kind() == Kind.ATTEMPT;
  }

  static Predicate<HarnessEvent> in(int connection, String type) {
    return e -> e.connection() == connection && e.isIn(type);
  }

  static Predicate<HarnessEvent> authOkSent(int connection) {
    return e -> e.kind() == Kind.FRAME_OUT && e.connection() == connection && e.text().startsWith("{\"type\":\"auth_ok\"");
  }

  /** The client ended the connection: its close frame or the end of its stream, whichever came first. */
  static Predicate<HarnessEvent> clientEnd(int connection) {
    return e -> e.connection() == connection && e.isClientEnd();
  }

  /** The harness ended the connection: its close frame or its drop. */
  static Predicate<HarnessEvent> harnessEnd(int connection) {
    return e -> e.connection() == connection && (e.kind() == Kind.CLOSE_OUT || e.kind() == Kind.DROP);
  }
}
