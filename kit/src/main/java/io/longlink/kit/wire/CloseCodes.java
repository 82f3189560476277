package io.longlink.kit.wire;

import io.longlink.kit.CheckFailure;
import io.longlink.kit.StandingRuleBreach;
import io.longlink.protocol.CloseCode;
import java.util.List;

/**
 * LL-CLOSE-1 on every close a server starts: a check that awaited something else and saw a close
 * with a code outside PROTOCOL.md §16's table fails LL-CLOSE-1 too, since that is the rule the
 * server broke first (a heartbeat check that saw 4400 instead of 4000 is a close-code bug).
 */
public final class CloseCodes {

  private CloseCodes() {}

  /** The failure as it is, or as a breach of LL-CLOSE-1 too when the close's code is outside the table. */
  public static CheckFailure judge(int code, CheckFailure failure) {
    if (code <= 0 || code == CloseCode.ABNORMAL.code() || CloseCode.of(code).isPresent()) {
      return failure;
    }
    return StandingRuleBreach.alongside(failure, List.of("LL-CLOSE-1"), "and " + code + " is no code of the "
        + "close-code table (LL-CLOSE-1, PROTOCOL.md §16)");
  }
}
