package io.longlink.kit.client.harness;

import io.longlink.kit.client.harness.HarnessEvent.Kind;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * What happens to an opening handshake before the WebSocket layer sees it: the script may refuse
 * it with HTTP 503 or drop the TCP connection. A held request never gets here: {@link HeldRequest}
 * reads it in place of HTTP.
 */
final class GateHandler extends Handler.Wrapper {

  private final HarnessServer harness;

  GateHandler(HarnessServer harness, Handler upgrade) {
    super(upgrade);
    this.harness = harness;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    HarnessConnection connection = harness.connectionOf(request);
    if (connection == null) {
      return super.handle(request, response, callback);
    }
    switch (connection.script().upgrade) {
      case REFUSE_503 -> {
        harness.recorder().add(new HarnessEvent(Kind.REFUSED, connection.index(), System.nanoTime(), "HTTP 503", null, 503));
        Response.writeError(request, response, callback, 503, "the harness refuses this upgrade");
        return true;
      }
      case DROP -> {
        connection.drop();
        callback.succeeded();
        return true;
      }
      default -> {
        return super.handle(request, response, callback);
      }
    }
  }
}
