package io.longlink.server.transport;

import io.longlink.server.metrics.ServerMetrics;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Plain HTTP next to the WebSocket endpoint: {@code /metrics} (Prometheus text) and {@code /healthz}. */
public final class OperationsHandler extends Handler.Abstract.NonBlocking {

  private final ServerMetrics metrics;

  public OperationsHandler(ServerMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    if ("/metrics".equals(path)) {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
      Content.Sink.write(response, true, metrics.prometheus(), callback);
      return true;
    }
    if ("/healthz".equals(path)) {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
      Content.Sink.write(response, true, "ok\n", callback);
      return true;
    }
    response.setStatus(HttpStatus.NOT_FOUND_404);
    Content.Sink.write(response, true, "not found: Longlink serves WebSocket upgrades on its endpoint path, "
        + "/metrics and /healthz\n", callback);
    return true;
  }
}
