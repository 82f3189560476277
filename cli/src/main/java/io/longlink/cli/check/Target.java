package io.longlink.cli.check;

import io.longlink.kit.settings.TokenSource;

/**
 * The server a check runs against and the tokens it takes; closing it stops what was started for
 * the check (an embedded server), if anything.
 *
 * @param url its WebSocket URL
 * @param tokens where the kit's tokens come from
 * @param stop what closing does
 */
record Target(TargetUrl url, TokenSource tokens, Runnable stop) implements AutoCloseable {

  /** A server somebody else runs. */
  static Target remote(TargetUrl url, TokenSource tokens) {
    return new Target(url, tokens, () -> { });
  }

  @Override
  public void close() {
    stop.run();
  }
}
