package io.longlink.kit.steps;

import io.longlink.kit.wire.KitSocket;
import io.longlink.model.AuthOk;

/** One connection a role holds, and its auth_ok once authenticated. */
public final class Link {

  private final String role;
  private final int number;
  private final KitSocket socket;
  private volatile AuthOk authOk;

  Link(String role, int number, KitSocket socket) {
    this.role = role;
    this.number = number;
    this.socket = socket;
  }

  public String role() {
    return role;
  }

  public KitSocket socket() {
    return socket;
  }

  /** The auth_ok of this connection, or null before one arrived. */
  public AuthOk authOk() {
    return authOk;
  }

  void authenticated(AuthOk ok) {
    this.authOk = ok;
  }

  /** "alice's connection #2". */
  public String label() {
    return role + "'s connection #" + number;
  }
}
