package io.longlink.server.robustness;

import io.longlink.server.robustness.Observed.End;
import io.longlink.server.testing.TestServer;
import java.io.IOException;
import java.util.List;

/**
 * A session that one worker reuses for input after input while the server keeps it open; an
 * input that ends it (a close, a drop) makes the lane open a new session, as a new user, for
 * the next input.
 */
final class Lane implements AutoCloseable {

  private final Target target;
  private final String prefix;
  private final long waitMs;
  private WireClient client;
  private String user;

  Lane(Target target, String prefix, long waitMs) {
    this.target = target;
    this.prefix = prefix;
    this.waitMs = waitMs;
  }

  /** The user of the current session, opening one if needed. */
  String user() throws IOException {
    ensureSession();
    return user;
  }

  Observed exchange(List<byte[]> frames) throws IOException {
    ensureSession();
    Observed seen = Exchange.run(client, user, frames, true, waitMs);
    if (seen.end() != End.OPEN) {
      client = null;
    }
    return seen;
  }

  private void ensureSession() throws IOException {
    if (client == null) {
      user = TestServer.user(prefix);
      client = session(target, user, waitMs);
    }
  }

  /** A new connection authenticated as {@code user}, after its auth_ok. */
  static WireClient session(Target target, String user, long waitMs) throws IOException {
    WireClient c = WireClient.open(target.uri());
    c.sendText("{\"type\":\"auth\",\"token\":\"" + TestServer.token(user) + "\",\"client\":{\"name\":\"hostile-corpus\",\"version\":\"1\"}}");
    WireClient.Read read = c.read(waitMs);
    if (read.frame() == null || !read.frame().text().contains("\"auth_ok\"")) {
      c.close();
      throw new IOException("no auth_ok for " + user + " on " + target.label() + ": "
          + (read.frame() == null ? read.silence() : read.frame().text()));
    }
    return c;
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
    }
  }
}
