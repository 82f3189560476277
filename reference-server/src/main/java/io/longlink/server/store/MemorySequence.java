package io.longlink.server.store;

/**
 * A counter that restarts with the process, as the in-memory inboxes do, and so starts a new
 * epoch every time it is made (LL-DLV-12). Callers serialise access.
 */
public final class MemorySequence implements SequenceSource {

  private final String epoch = Epochs.fresh();
  private long last;

  private MemorySequence() {}

  /** 1, 2, 3, ...: each seq larger than the one before (LL-CHAT-2). */
  public static MemorySequence ascending() {
    return new MemorySequence();
  }

  @Override
  public long next() {
    return ++last;
  }

  @Override
  public String epoch() {
    return epoch;
  }
}
