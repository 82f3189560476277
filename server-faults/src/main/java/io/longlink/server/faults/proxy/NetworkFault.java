package io.longlink.server.faults.proxy;

/**
 * A fault of the network between the proxy and its client, on one connection: it stands in the
 * way to the client and hears of every message that comes from upstream. One instance per
 * connection; the proxy core knows only this interface (see {@link NetworkFaults} for the faults).
 */
public interface NetworkFault {

  /**
   * The way to the client through this fault. Called once, before the client's connection
   * opens, with what is nearer the client.
   */
  ClientSide around(ClientSide next);

  /**
   * A message (text or binary) came from upstream and was handed on toward the client, before
   * any violation's filter changed, held or dropped it. Called on the connection's upstream thread.
   */
  default void fromUpstream() {}
}
