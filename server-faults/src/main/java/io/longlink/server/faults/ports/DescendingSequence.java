package io.longlink.server.faults.ports;

import io.longlink.server.store.SequenceSource;

/** LL-CHAT-2: seqs counting down from 2^53-1. */
public final class DescendingSequence implements SequenceSource {

  private static final long MAX_SEQ = 9_007_199_254_740_991L;

  private final SequenceSource sequence;

  public DescendingSequence(SequenceSource sequence) {
    this.sequence = sequence;
  }

  @Override
  public long next() {
    return MAX_SEQ + 1 - sequence.next();
  }

  @Override
  public String epoch() {
    return sequence.epoch();
  }
}
