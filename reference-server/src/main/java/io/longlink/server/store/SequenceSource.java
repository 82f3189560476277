package io.longlink.server.store;

/**
 * Hands out chat seqs: each larger than the one before within one epoch (LL-CHAT-2). The epoch
 * names the history the seqs belong to (LL-DLV-12), so it lives with the counter: a store that
 * keeps its counter across restarts keeps its epoch too, and one that loses it makes a new one.
 */
public interface SequenceSource {
  long next();

  /** The epoch of the seqs {@link #next()} hands out. */
  String epoch();
}
