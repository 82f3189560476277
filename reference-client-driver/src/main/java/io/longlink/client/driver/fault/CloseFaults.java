package io.longlink.client.driver.fault;

import io.longlink.client.reconnect.CloseDecision;
import io.longlink.protocol.CloseCode;
import java.util.function.IntPredicate;

/** Faults in how the client reads the end of a link: the code it sees is not the one that came. */
final class CloseFaults {

  private CloseFaults() {}

  /** LL-RC-1: every code of the close table that reconnects reaches the client as 4003, a refusal. */
  static Fault stopsAfterEveryClose() {
    return replace(code -> CloseCode.of(code).isPresent() && CloseDecision.reconnects(code), CloseCode.FORBIDDEN.code());
  }

  /** LL-RC-6: the refusals 4001, 4002, 4003 and 4007 reach the client as 1011, which reconnects. */
  static Fault reconnectsAfterRefusal() {
    return replace(code -> !CloseDecision.reconnects(code), CloseCode.INTERNAL_ERROR.code());
  }

  /** LL-CLOSE-3: a code outside the close table reaches the client as 4003, a refusal. */
  static Fault stopsAfterUnknownCodes() {
    return replace(code -> CloseCode.of(code).isEmpty(), CloseCode.FORBIDDEN.code());
  }

  private static Fault replace(IntPredicate replaced, int seen) {
    return SentFrameFaults.onLinks(() -> new LinkFault() {
      @Override
      void ended(int code, String reason) {
        client.closed(replaced.test(code) ? seen : code, reason);
      }
    });
  }
}
