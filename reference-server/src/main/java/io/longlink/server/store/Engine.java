package io.longlink.server.store;

/**
 * Where a server keeps its state and how its nodes hear of each other: the message store, the
 * presence of sessions, and the bus. The in-memory engine serves one process; a shared one
 * (Redis) lets several nodes serve the same users.
 */
public interface Engine extends AutoCloseable {

  MessageStore messages();

  PresenceStore presence();

  DeliveryBus bus();

  /** What the engine keeps and where, for the startup log: "memory (lost on restart)", "redis://…". */
  String description();

  /** Releases connections and threads; the state stays where the engine keeps it. */
  @Override
  void close();
}
