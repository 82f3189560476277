package io.longlink.server.store;

/**
 * A counter that restarts with the process, as the in-memory inboxes do, and so starts a new
 * epoch every time it is made (LL-DLV-12). Callers serialise access.
 */
public final class MemorySequence implements SequenceSource {

  private static final long MAX_SEQ = 9_007_199_254_740_991L;

  private final boolean descending;
  private final String epoch = Epochs.fresh();
  private long last;

  private MemorySequence(boolean descending) {
    this.descending = descending;
    this.last = descending ? MAX_SEQ + 1 : 0;
  }

  /** 1, 2, 3, ...: what LL-CHAT-2 asks for. */
  public static MemorySequence ascending() {
    return new MemorySequence(false);
  }

  /** 2^53-1, 2^53-2, ...: the LL-CHAT-2 violation switch. */
  public static MemorySequence descending() {
    return new MemorySequence(true);
  }

  @Override
  public long next() {
    last = descending ? last - 1 : last + 1;
    return last;
  }

  @Override
  public String epoch() {
    return epoch;
  }
}
