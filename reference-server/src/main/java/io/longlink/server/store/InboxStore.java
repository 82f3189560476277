package io.longlink.server.store;

import java.util.List;
import java.util.Optional;

/**
 * The pending deliveries of every user: what the server has promised (by acking) to deliver and
 * the recipient has not acknowledged yet. Callers serialise access (the hub's lock), so an
 * implementation backed by a shared store only has to make each call atomic.
 */
public interface InboxStore {

  /** Adds a delivery at the end of {@code user}'s queue; its seq is larger than any before it. */
  void append(String user, PendingDelivery delivery);

  /** The user's pending deliveries in increasing seq order. */
  List<PendingDelivery> pending(String user);

  /** The pending delivery with this seq, if the user has one. */
  Optional<PendingDelivery> find(String user, long seq);

  /** Removes one pending delivery; false when there was none with this seq. */
  boolean remove(String user, long seq);

  /** Removes every pending delivery with a seq at or below {@code seq}; returns the seqs removed. */
  List<Long> removeUpTo(String user, long seq);

  /** How many deliveries the user has pending. */
  int size(String user);

  /** The sizes of the user's pending deliveries added up (PROTOCOL.md §11, LL-DLV-8). */
  long bytes(String user);

  /** How many deliveries are pending for all users together. */
  long total();

  /** The bytes the inboxes hold: each pending delivery once, however many recipients share it (LL-LIM-11). */
  long totalBytes();

  /** The bytes of the pending deliveries of {@code sender}'s chats, each once, however many recipients share it (LL-LIM-12). */
  long bytesFrom(String sender);

  /** Records that the delivery was sent on some session, so that later sends say {@code redelivered}. */
  void markSent(String user, long seq);

  /** Whether the delivery was sent before. */
  boolean wasSent(String user, long seq);
}
