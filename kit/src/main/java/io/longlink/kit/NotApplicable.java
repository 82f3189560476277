package io.longlink.kit;

import org.opentest4j.TestAbortedException;

/**
 * A scenario cannot check its rule against this target (e.g. the target does not sign chats, or
 * the kit has no forbidden token for it): the rule is reported as skipped, with the reason.
 */
public class NotApplicable extends TestAbortedException {

  private static final long serialVersionUID = 1L;

  public NotApplicable(String reason) {
    super(reason);
  }
}
