package io.longlink.client.driver.fault;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * A JDK WebSocket that passes every call on; a fault overrides what it breaks, calling {@code
 * super} to send. Every send completes with this socket, not the one inside: the client chains
 * each send on the socket the previous one completed with, so a future of the inner socket would
 * take every later send past the fault.
 */
class ForwardingSocket implements WebSocket {

  final WebSocket socket;

  ForwardingSocket(WebSocket socket) {
    this.socket = socket;
  }

  @Override
  public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
    return socket.sendText(data, last).thenApply(inner -> this);
  }

  @Override
  public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
    return socket.sendBinary(data, last).thenApply(inner -> this);
  }

  @Override
  public CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
    return socket.sendPing(message).thenApply(inner -> this);
  }

  @Override
  public CompletableFuture<WebSocket> sendPong(ByteBuffer message) {
    return socket.sendPong(message).thenApply(inner -> this);
  }

  @Override
  public CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
    return socket.sendClose(statusCode, reason).thenApply(inner -> this);
  }

  @Override
  public void request(long n) {
    socket.request(n);
  }

  @Override
  public String getSubprotocol() {
    return socket.getSubprotocol();
  }

  @Override
  public boolean isOutputClosed() {
    return socket.isOutputClosed();
  }

  @Override
  public boolean isInputClosed() {
    return socket.isInputClosed();
  }

  @Override
  public void abort() {
    socket.abort();
  }
}
