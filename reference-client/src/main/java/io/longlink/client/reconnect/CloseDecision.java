package io.longlink.client.reconnect;

import io.longlink.protocol.CloseCode;
import io.longlink.protocol.Reconnect;

/** What the client does after a close it did not ask for: the reconnect column of PROTOCOL.md §16. */
public final class CloseDecision {

  private CloseDecision() {}

  /**
   * Whether to reconnect after the server (or the network) ended the link with {@code code}.
   * Codes outside the table reconnect (LL-CLOSE-3). A 1000 the client did not ask for also
   * reconnects: the table's "no" for 1000 is about the client's own deliberate close (LL-RC-5),
   * and a server that says "normal" without being asked has not refused the client.
   */
  public static boolean reconnects(int code) {
    if (code == CloseCode.NORMAL.code()) {
      return true;
    }
    return CloseCode.of(code).map(c -> c.reconnect() != Reconnect.NO).orElse(true);
  }
}
