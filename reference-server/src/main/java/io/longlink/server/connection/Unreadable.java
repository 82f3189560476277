package io.longlink.server.connection;

import io.longlink.codec.DecodeError;
import io.longlink.protocol.CloseCode;
import io.longlink.server.messaging.Errors;
import io.longlink.server.violation.Violation;

/** A frame that is not a JSON object with a string type: its sender does not speak Longlink (LL-ERR-3). */
final class Unreadable {

  private static final int OUTSIDE_THE_TABLE = 4400;

  private Unreadable() {}

  static void handle(Connection conn, DecodeError error) {
    conn.badInput();
    if (conn.violates(Violation.ERR_3)) {
      conn.send(Errors.invalid(error.detail(), null, null));
    } else if (conn.violates(Violation.CLOSE_1)) {
      conn.closeRaw(OUTSIDE_THE_TABLE, "malformed frame");
    } else {
      conn.close(CloseCode.MALFORMED_FRAME, error.detail());
    }
  }
}
