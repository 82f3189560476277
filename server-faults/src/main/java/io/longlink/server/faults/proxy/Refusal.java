package io.longlink.server.faults.proxy;

import io.longlink.protocol.CloseCode;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketOpen;
import org.eclipse.jetty.websocket.api.annotations.WebSocket;

/** A client connection whose upstream did not open: it is closed with 1011 and a reason that says why. */
@WebSocket(autoDemand = true)
public final class Refusal {

  private final String reason;

  Refusal(String reason) {
    this.reason = reason;
  }

  @OnWebSocketOpen
  public void onOpen(Session session) {
    session.close(CloseCode.INTERNAL_ERROR.code(), reason, Callback.NOOP);
  }
}
