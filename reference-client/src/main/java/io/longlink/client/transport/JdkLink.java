package io.longlink.client.transport;

import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A link on a JDK WebSocket. The JDK allows one outstanding send at a time, so sends are chained;
 * a close that the peer does not answer within {@link #CLOSE_GRACE_MS} is turned into an abort.
 */
final class JdkLink implements Link {

  static final long CLOSE_GRACE_MS = 1_000;

  private final CompletableFuture<WebSocket> socket;
  private final AtomicBoolean ended;
  private CompletableFuture<WebSocket> tail;

  JdkLink(CompletableFuture<WebSocket> socket, AtomicBoolean ended) {
    this.socket = socket;
    this.ended = ended;
    this.tail = socket;
  }

  @Override
  public synchronized void send(String text) {
    tail = tail.thenCompose(ws -> ws.sendText(text, true));
  }

  @Override
  public synchronized void close(int code, String reason) {
    ended.set(true);
    tail = tail.thenCompose(ws -> ws.sendClose(code, reason));
    CompletableFuture.delayedExecutor(CLOSE_GRACE_MS, TimeUnit.MILLISECONDS).execute(this::abort);
  }

  @Override
  public void abort() {
    ended.set(true);
    // A handshake still under way is aborted when it completes: the JDK cannot cancel it.
    socket.thenAccept(WebSocket::abort);
  }
}
