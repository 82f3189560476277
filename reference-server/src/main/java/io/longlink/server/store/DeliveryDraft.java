package io.longlink.server.store;

import io.longlink.codec.MessageCodec;
import io.longlink.model.ChatDelivery;
import io.longlink.server.limits.Utf8;

/**
 * A delivery encoded before its seq is known: the encoding of a large chat is the costly part, and
 * this way it happens outside the hub's lock; under the lock only the seq is put in. The split is
 * safe: {@code ,"seq":0,} cannot occur inside a JSON string (its quotes would be escaped), and
 * the id, the only string before it, is the first member after {@code type}.
 */
public final class DeliveryDraft {

  private static final String SEQ = ",\"seq\":0,";

  private final String sender;
  private final String head;
  private final String tail;
  private final int bytesWithoutSeq;

  private DeliveryDraft(String sender, String head, String tail, int bytesWithoutSeq) {
    this.sender = sender;
    this.head = head;
    this.tail = tail;
    this.bytesWithoutSeq = bytesWithoutSeq;
  }

  /** Encodes {@code delivery} (its seq is ignored) for {@code sender}, the authenticated user. */
  public static DeliveryDraft of(ChatDelivery delivery, String sender, MessageCodec codec) {
    ChatDelivery first = new ChatDelivery(delivery.id(), 0L, delivery.from(), delivery.to(), delivery.body(), delivery.ts(),
        false);
    String frame = codec.encode(first);
    int at = frame.indexOf(SEQ);
    if (at < 0) {
      throw new IllegalStateException("expected " + SEQ + " in the encoded delivery of " + delivery.id());
    }
    String head = frame.substring(0, at + SEQ.length() - 2);
    String tail = frame.substring(at + SEQ.length() - 1);
    return new DeliveryDraft(sender, head, tail, Utf8.length(frame) - 1);
  }

  /** The frame before the seq's digits: a store that gives seqs itself puts them between {@link #head()} and {@link #tail()}. */
  public String head() {
    return head;
  }

  /** The frame after the seq's digits. */
  public String tail() {
    return tail;
  }

  /** The frame's UTF-8 length without the seq's digits. */
  public int bytesWithoutSeq() {
    return bytesWithoutSeq;
  }

  public String sender() {
    return sender;
  }

  /** The size the delivery will have with this seq (PROTOCOL.md §11). */
  public int bytes(long seq) {
    return bytesWithoutSeq + Long.toString(seq).length();
  }

  /** The delivery with its seq. */
  public PendingDelivery withSeq(long seq) {
    return PendingDelivery.of(seq, sender, head + seq + tail, bytes(seq));
  }
}
