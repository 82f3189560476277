package io.longlink.server.store;

/** The engine of one process: state in memory, no other node to tell. The embedded default. */
public final class MemoryEngine implements Engine {

  private final MessageStore messages;
  private final PresenceStore presence = new MemoryPresence();

  public MemoryEngine(MessageStore messages) {
    this.messages = messages;
  }

  @Override
  public MessageStore messages() {
    return messages;
  }

  @Override
  public PresenceStore presence() {
    return presence;
  }

  @Override
  public DeliveryBus bus() {
    return DeliveryBus.none();
  }

  @Override
  public String description() {
    return "memory (pending deliveries are lost when the process ends)";
  }

  @Override
  public void close() {}
}
