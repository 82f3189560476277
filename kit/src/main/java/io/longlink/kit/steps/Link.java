package io.longlink.kit.steps;

import io.longlink.kit.wire.KitSocket;
import io.longlink.model.AuthOk;

/** One connection a role holds, and its auth_ok once authenticated. */
public final class Link {

  private final String role;
  private final String label;
  private final int node;
  private final KitSocket socket;
  private volatile AuthOk authOk;

  Link(String role, String label, int node, KitSocket socket) {
    this.role = role;
    this.label = label;
    this.node = node;
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

  /** "alice's connection #2", and on a target of several nodes "alice's connection #2 (node 3, ws://…)". */
  public String label() {
    return label;
  }

  /** The node, from 0, of the target's nodes this connection went to. */
  public int onNode() {
    return node;
  }
}
