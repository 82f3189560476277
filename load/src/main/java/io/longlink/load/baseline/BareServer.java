package io.longlink.load.baseline;

import io.longlink.protocol.Protocol;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The bare stack a Longlink server's figures are divided by: Jetty 12's WebSocket server, as the
 * reference server configures it (same connector, same container, same subprotocol handshake),
 * doing the least a chat server can: every text frame goes to every connection of the room named
 * in the URL ({@code ?room=R}), the sender's included. A room of one is an echo server. No auth,
 * no JSON, no store, no timers: what a chat costs on top of this is the protocol's and the
 * reference server's own.
 */
public final class BareServer implements AutoCloseable {

  /** Where the bare stack listens. */
  public static final String PATH = "/bare";

  private final Server jetty;
  private final ServerConnector connector;
  private final Map<String, Set<BareEndpoint>> rooms = new ConcurrentHashMap<>();

  private BareServer(Server jetty, ServerConnector connector) {
    this.jetty = jetty;
    this.connector = connector;
  }

  /** Starts a bare server on {@code host}:{@code port} (0 for any free port); it listens when this returns. */
  public static BareServer start(String host, int port) throws Exception {
    Server jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost(host);
    connector.setPort(port);
    jetty.addConnector(connector);
    BareServer server = new BareServer(jetty, connector);
    ContextHandler context = new ContextHandler("/");
    context.setHandler(WebSocketUpgradeHandler.from(jetty, context, container -> {
      // As the reference server: no idle timeout to speak of, frames of any size split as needed.
      container.setIdleTimeout(Duration.ofMinutes(5));
      container.setAutoFragment(true);
      container.addMapping(PATH, (request, response, callback) -> {
        if (request.getSubProtocols().contains(Protocol.SUBPROTOCOL)) {
          response.setAcceptedSubProtocol(Protocol.SUBPROTOCOL);
        }
        String room = room(request.getHttpURI().getQuery());
        return new BareEndpoint(server.rooms.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()));
      });
    }));
    jetty.setHandler(context);
    try {
      jetty.start();
    } catch (Exception e) {
      jetty.stop();
      throw e;
    }
    return server;
  }

  /** The room of a connection: the {@code room} query parameter, or one room for all without it. */
  static String room(String query) {
    if (query != null) {
      for (String part : query.split("&")) {
        if (part.startsWith("room=")) {
          return URLDecoder.decode(part.substring(5), StandardCharsets.UTF_8);
        }
      }
    }
    return "";
  }

  public URI uri() {
    String host = connector.getHost() == null || connector.getHost().equals("0.0.0.0") ? "127.0.0.1" : connector.getHost();
    return URI.create("ws://" + host + ":" + connector.getLocalPort() + PATH);
  }

  /** Connections open now, in all rooms. */
  public int connections() {
    return rooms.values().stream().mapToInt(Set::size).sum();
  }

  @Override
  public void close() throws Exception {
    jetty.stop();
  }
}
