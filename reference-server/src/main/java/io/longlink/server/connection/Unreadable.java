package io.longlink.server.connection;

import io.longlink.codec.DecodeError;
import io.longlink.protocol.CloseCode;

/** A frame that is not a JSON object with a string type: its sender does not speak Longlink (LL-ERR-3). */
final class Unreadable {

  private Unreadable() {}

  static void handle(Connection conn, DecodeError error) {
    conn.close(CloseCode.MALFORMED_FRAME, error.detail());
  }
}
