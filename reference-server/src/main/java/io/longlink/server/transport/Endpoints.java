package io.longlink.server.transport;

import io.longlink.protocol.Protocol;
import io.longlink.protocol.SessionParameter;
import io.longlink.server.config.ServerConfig;
import io.longlink.server.connection.ConnectionContext;
import io.longlink.server.violation.Violation;
import io.longlink.server.violation.Violations;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

/** Configures Jetty's WebSocket container: the endpoint path, subprotocol selection (LL-TR-2) and timeouts. */
public final class Endpoints {

  private Endpoints() {}

  public static void configure(ServerWebSocketContainer container, ConnectionContext ctx, HandshakeGuard guard) {
    ServerConfig config = ctx.config();
    Violations violations = config.violations();
    long heartbeatTimeout = config.millis(SessionParameter.HEARTBEAT_TIMEOUT_MS);
    // A safety net only: the heartbeat (and the auth timeout) close silent connections long before.
    container.setIdleTimeout(Duration.ofMillis(Math.max(300_000, 4 * heartbeatTimeout)));
    container.setAutoFragment(true);
    long maxBytes = config.millis(SessionParameter.MAX_MESSAGE_BYTES);
    // LIM_1 counts the limit in characters: bytes pass up to four per character.
    long maxChars = violations.has(Violation.LIM_1) ? maxBytes : Long.MAX_VALUE;
    if (violations.has(Violation.LIM_1)) {
      maxBytes *= 4;
    } else if (violations.has(Violation.LIM_2)) {
      maxBytes /= 2;
    }
    long limit = maxBytes;
    container.addMapping(config.path(), (request, response, callback) -> {
      // Tokens compare exactly (RFC 6455 §11.3.4): Jetty's hasSubProtocol ignores case, and selecting
      // longlink.v1 for an offered LONGLINK.V1 makes Jetty fail the upgrade with a 500.
      boolean offered = request.getSubProtocols().contains(Protocol.SUBPROTOCOL);
      if (offered && !violations.has(Violation.TR_2)) {
        response.setAcceptedSubProtocol(Protocol.SUBPROTOCOL);
      }
      if (!config.permessageDeflate()) {
        // Jetty negotiates every extension it knows; with none, frames go as they are.
        response.setExtensions(List.of());
      }
      String remote = Request.getRemoteAddr(request) + ":" + Request.getRemotePort(request);
      return new JettyEndpoint(ctx, offered, request.getHttpURI().getQuery(), remote, limit, maxChars,
          violations.has(Violation.ERR_2), guard.sessionStarter(request.getConnectionMetaData().getConnection().getEndPoint()));
    });
  }
}
