package io.longlink.server.store;

import java.util.Optional;

/** The (sender, message id) pairs accepted within the dedup window. Callers serialise access. */
public interface DedupStore {

  /** The answer to the accepted chat with this key, if it is still inside the window at {@code nowMs}. */
  Optional<Accepted> find(String key, String messageId, long nowMs);

  /** Remembers an accepted chat until {@code nowMs + window}. */
  void remember(String key, String messageId, Accepted accepted, long nowMs);

  /** How many pairs are remembered, some possibly past their window until {@link #expire} runs. */
  long size();

  /** Forgets every pair whose window ended by {@code nowMs}. */
  void expire(long nowMs);
}
