package io.longlink.server.faults.filters;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.longlink.protocol.CloseCode;
import io.longlink.protocol.ErrorCode;
import io.longlink.server.connection.CloseReason;
import io.longlink.server.faults.wire.FrameFilter;
import io.longlink.server.faults.wire.Json;
import io.longlink.server.faults.wire.Link;
import io.longlink.server.faults.wire.Peer;
import io.longlink.server.faults.wire.Peers;
import java.util.Set;

/** Faults in how the server closes: another code, no reason, no close at all, or closes it should not make. */
public final class CloseFaults {

  private static final int OUTSIDE_THE_TABLE = 4400;

  private CloseFaults() {}

  /** LL-CLOSE-1: unreadable frames closed with 4400, a code outside the table. */
  public static FrameFilter codeOutsideTheTable() {
    return new FrameFilter() {
      @Override
      public void serverCloses(int code, String reason, Link link) {
        link.closeClient(code == CloseCode.MALFORMED_FRAME.code() ? OUTSIDE_THE_TABLE : code,
            code == CloseCode.MALFORMED_FRAME.code() ? "malformed frame" : reason);
      }
    };
  }

  /** LL-CLOSE-2: closes without a reason. */
  public static FrameFilter noReason() {
    return new FrameFilter() {
      @Override
      public void serverCloses(int code, String reason, Link link) {
        link.closeClient(code, "");
      }
    };
  }

  /** LL-ERR-3: unreadable frames answered with an error; the connection stays open. */
  public static FrameFilter unreadableAnswered() {
    return new FrameFilter() {
      @Override
      public void serverCloses(int code, String reason, Link link) {
        if (code == CloseCode.MALFORMED_FRAME.code()) {
          link.toClient(Messages.invalid(reason, null, null));
        } else {
          link.closeClient(code, reason);
        }
      }
    };
  }

  /** Never closes with {@code code}: the connection stays open (LL-AUTH-8 with 4004, LL-HB-3 with 4000). */
  public static FrameFilter neverCloses(CloseCode code) {
    return new FrameFilter() {
      @Override
      public void serverCloses(int closeCode, String reason, Link link) {
        if (closeCode != code.code()) {
          link.closeClient(closeCode, reason);
        }
      }
    };
  }

  /** LL-ERR-6: bad input on one connection closes every other connection of its user. */
  public static FrameFilter punishesTheUser(Peers peers) {
    Set<Integer> badInputCloses = Set.of(CloseCode.MALFORMED_FRAME.code(), CloseCode.UNSUPPORTED_DATA.code(),
        CloseCode.INVALID_PAYLOAD.code());
    return new FrameFilter() {
      @Override
      public void fromServer(String text, Link link) {
        link.toClient(text);
        ObjectNode m = Json.ofType(text, "error");
        String code = m == null ? null : m.path("code").asText();
        if (ErrorCode.INVALID_MESSAGE.wireValue().equals(code) || ErrorCode.UNKNOWN_TYPE.wireValue().equals(code)) {
          closeOthers(link);
        }
      }

      @Override
      public void serverCloses(int code, String reason, Link link) {
        if (badInputCloses.contains(code)) {
          closeOthers(link);
        }
        link.closeClient(code, reason);
      }

      private void closeOthers(Link link) {
        String user = link.user();
        if (user == null) {
          return;
        }
        for (Peer other : peers.of(user)) {
          if (other != link.self()) {
            other.close(CloseCode.INTERNAL_ERROR.code(),
                CloseReason.of(CloseCode.INTERNAL_ERROR, "another connection of this user sent bad input"));
          }
        }
      }
    };
  }
}
