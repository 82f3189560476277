package io.longlink.load.baseline;

import java.util.Set;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketClose;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketError;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketMessage;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketOpen;
import org.eclipse.jetty.websocket.api.annotations.WebSocket;

/** One connection of the bare stack: in its room while open; a text frame goes to every member. */
@WebSocket(autoDemand = true)
public final class BareEndpoint {

  private final Set<BareEndpoint> room;
  private volatile Session session;

  BareEndpoint(Set<BareEndpoint> room) {
    this.room = room;
  }

  @OnWebSocketOpen
  public void onOpen(Session session) {
    this.session = session;
    room.add(this);
  }

  @OnWebSocketMessage
  public void onText(String text) {
    for (BareEndpoint member : room) {
      Session s = member.session;
      if (s != null && s.isOpen()) {
        // Jetty queues a frame sent while another is being written: nothing blocks here.
        s.sendText(text, Callback.NOOP);
      }
    }
  }

  @OnWebSocketClose
  public void onClose(int code, String reason) {
    room.remove(this);
  }

  /** A connection that failed (the peer went away mid-write) leaves its room; nothing to report for a baseline. */
  @OnWebSocketError
  public void onError(Throwable failure) {
    room.remove(this);
  }
}
