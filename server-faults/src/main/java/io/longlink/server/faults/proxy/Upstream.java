package io.longlink.server.faults.proxy;

import io.longlink.server.connection.CloseReason;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One connection's WebSocket to the upstream server (the JDK's). The JDK allows one outstanding
 * send at a time, so sends are chained, in the order they were asked for; a close the server
 * does not answer within {@link #CLOSE_GRACE_MS} ends in an abort.
 */
final class Upstream {

  static final long CLOSE_GRACE_MS = 2_000;

  private final WebSocket socket;
  private final ScheduledExecutorService timers;
  private final Runnable broken;
  private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);
  private boolean closing;
  private volatile boolean closedByServer;

  /** @param broken runs when a send fails on a connection the server did not close: its TCP connection went */
  Upstream(WebSocket socket, ScheduledExecutorService timers, Runnable broken) {
    this.socket = socket;
    this.timers = timers;
    this.broken = broken;
  }

  /** The server closed: sends that fail from now on fail because of that, not because the connection broke. */
  void closedByServer() {
    closedByServer = true;
  }

  synchronized void text(String text) {
    if (!closing) {
      then(ws -> ws.sendText(text, true));
    }
  }

  synchronized void binary(byte[] data) {
    if (!closing) {
      then(ws -> ws.sendBinary(ByteBuffer.wrap(data), true));
    }
  }

  /** Closes with the client's code where the JDK lets a client send it (else 1000), and the reason. */
  void close(int code, String reason) {
    synchronized (this) {
      if (closing) {
        return;
      }
      closing = true;
      int sent = sendableByAClient(code) ? code : 1000;
      String fitted = CloseReason.truncate(reason);
      then(ws -> ws.sendClose(sent, fitted));
    }
    try {
      timers.schedule(() -> {
        if (!socket.isInputClosed()) {
          socket.abort();
        }
      }, CLOSE_GRACE_MS, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      socket.abort();
    }
  }

  /** Ends the TCP connection without a close frame. */
  void abort() {
    synchronized (this) {
      closing = true;
    }
    socket.abort();
  }

  /** The subprotocol the server selected; null for none. */
  String subprotocol() {
    String chosen = socket.getSubprotocol();
    return chosen == null || chosen.isEmpty() ? null : chosen;
  }

  /** Asks for the next message from upstream. */
  void request() {
    socket.request(1);
  }

  private void then(Function<WebSocket, CompletableFuture<WebSocket>> send) {
    // A failed send does not stop the ones after it: each fails on its own.
    tail = tail.handle((done, failure) -> null).thenCompose(ignored -> {
      try {
        return send.apply(socket);
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }).whenComplete((done, failure) -> {
      // The JDK's WebSocket (17) now and then misses an end of stream that comes right behind a message, and
      // reports nothing: the next send is what finds out that the connection is gone.
      if (failure != null && !closedByServer && !isClosing()) {
        broken.run();
      }
    });
  }

  private synchronized boolean isClosing() {
    return closing;
  }

  /** The codes the JDK's WebSocket lets a client send (it refuses 1002, 1003, 1007, 1009, 1010 and 1012-2999). */
  static boolean sendableByAClient(int code) {
    return code == 1000 || code == 1001 || code == 1008 || code == 1011 || (code >= 3000 && code <= 4999);
  }
}
