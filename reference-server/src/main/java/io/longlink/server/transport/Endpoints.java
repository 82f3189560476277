package io.longlink.server.transport;

import io.longlink.protocol.Protocol;
import io.longlink.protocol.SessionParameter;
import io.longlink.server.config.ServerConfig;
import io.longlink.server.connection.ConnectionContext;
import io.longlink.server.connection.ConnectionInterceptor;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

/** Configures Jetty's WebSocket container: the endpoint path, subprotocol selection (LL-TR-2) and timeouts. */
public final class Endpoints {

  private Endpoints() {}

  public static void configure(ServerWebSocketContainer container, ConnectionContext ctx, HandshakeGuard guard,
      ConnectionInterceptor.Factory interceptors) {
    ServerConfig config = ctx.config();
    long heartbeatTimeout = config.millis(SessionParameter.HEARTBEAT_TIMEOUT_MS);
    // A safety net only: the heartbeat (and the auth timeout) close silent connections long before.
    container.setIdleTimeout(Duration.ofMillis(Math.max(300_000, 4 * heartbeatTimeout)));
    container.setAutoFragment(true);
    // LL-LIM-1: the limit is counted in UTF-8 bytes, as advertised.
    long maxBytes = config.millis(SessionParameter.MAX_MESSAGE_BYTES);
    container.addMapping(config.path(), (request, response, callback) -> {
      ConnectionInterceptor interceptor = interceptors == null ? null : interceptors.open();
      // Tokens compare exactly (RFC 6455 §11.3.4): Jetty's hasSubProtocol ignores case, and selecting
      // longlink.v1 for an offered LONGLINK.V1 makes Jetty fail the upgrade with a 500.
      boolean offered = request.getSubProtocols().contains(Protocol.SUBPROTOCOL);
      // LL-TR-2: the response selects longlink.v1 when the client offered it.
      String selected = offered ? Protocol.SUBPROTOCOL : null;
      if (interceptor != null) {
        selected = interceptor.subprotocol(selected);
      }
      if (selected != null) {
        response.setAcceptedSubProtocol(selected);
      }
      if (!config.permessageDeflate()) {
        // Jetty negotiates every extension it knows; with none, frames go as they are.
        response.setExtensions(List.of());
      }
      String remote = Request.getRemoteAddr(request) + ":" + Request.getRemotePort(request);
      long limit = interceptor == null ? maxBytes : interceptor.maxMessageBytes(maxBytes);
      return new JettyEndpoint(ctx, offered, request.getHttpURI().getQuery(), remote, limit, interceptor,
          guard.sessionStarter(request.getConnectionMetaData().getConnection().getEndPoint()));
    });
  }
}
