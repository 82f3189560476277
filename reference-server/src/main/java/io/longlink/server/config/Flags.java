package io.longlink.server.config;

import io.longlink.protocol.SessionParameter;

/** The command-line flag that sets each session parameter, so that errors can name the flag the operator typed. */
public final class Flags {

  private Flags() {}

  /** {@code heartbeat.interval_ms} -> {@code --heartbeat-interval-ms}; {@code limits.rate_messages} -> {@code --rate-messages}. */
  public static String of(SessionParameter p) {
    String path = p.path().replaceFirst("^(limits|delivery|signing)\\.", "");
    return "--" + path.replace('.', '-').replace('_', '-');
  }
}
