package io.longlink.server.store;

/**
 * One accepted chat as its recipients get it: the delivery frame, encoded once when the chat was
 * accepted and shared by every recipient of a room chat, and its size as PROTOCOL.md §11 defines
 * it (the UTF-8 bytes of the frame as first sent). Only the frame is kept, not the decoded chat,
 * so that what the inboxes count is what they hold.
 *
 * @param seq the chat's seq
 * @param sender the authenticated sender, whose share of the inboxes it counts against (LL-LIM-12)
 * @param frame the delivery as JSON text with {@code redelivered} false
 * @param bytes the frame's UTF-8 length
 */
public record PendingDelivery(long seq, String sender, String frame, int bytes) {

  private static final String FIRST = "\"redelivered\":false}";
  private static final String AGAIN = "\"redelivered\":true}";

  /** A delivery whose frame is sent as is the first time and with redelivered flipped later. */
  public static PendingDelivery of(long seq, String sender, String frame, int bytes) {
    if (!frame.endsWith(FIRST)) {
      // The flip in frame(true) relies on the codec writing redelivered last; fail loudly if that changes.
      throw new IllegalStateException("expected a first delivery whose JSON ends with " + FIRST + ": " + frame);
    }
    return new PendingDelivery(seq, sender, frame, bytes);
  }

  /** The frame to send: the first time, or again with {@code redelivered} true (LL-DLV-2). */
  public String frame(boolean redelivered) {
    return redelivered ? frame.substring(0, frame.length() - FIRST.length()) + AGAIN : frame;
  }

  /** The UTF-8 length of {@link #frame(boolean)}: "true" is one byte shorter than "false". */
  public int bytes(boolean redelivered) {
    return redelivered ? bytes - 1 : bytes;
  }
}
