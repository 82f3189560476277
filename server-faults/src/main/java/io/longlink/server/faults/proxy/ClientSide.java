package io.longlink.server.faults.proxy;

import io.longlink.server.faults.wire.Chain;

/**
 * The client's end of one proxied connection: where the chain's messages toward the client go,
 * and what a network between the proxy and the client can do besides. Thread-safe: the chain,
 * other connections' filters and timers all reach it.
 */
public interface ClientSide extends Chain.ClientEnd {

  /** Ends the client's TCP connection without a close frame, as a network that fails does. */
  void drop();

  /**
   * From now on sends the client nothing and reads nothing from it (its close frame goes
   * unanswered), and never closes: a half-open link.
   */
  void goSilent();
}
