package io.longlink.server.store;

/** Hands out chat seqs: each larger than the one before (LL-CHAT-2). */
public interface SequenceSource {
  long next();
}
