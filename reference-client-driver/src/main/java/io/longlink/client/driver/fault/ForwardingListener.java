package io.longlink.client.driver.fault;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;

/** A JDK WebSocket listener that passes every event on; a fault overrides what it breaks. */
class ForwardingListener implements WebSocket.Listener {

  final WebSocket.Listener listener;

  ForwardingListener(WebSocket.Listener listener) {
    this.listener = listener;
  }

  @Override
  public void onOpen(WebSocket ws) {
    listener.onOpen(ws);
  }

  @Override
  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
    return listener.onText(ws, data, last);
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
    return listener.onBinary(ws, data, last);
  }

  @Override
  public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
    return listener.onPing(ws, message);
  }

  @Override
  public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
    return listener.onPong(ws, message);
  }

  @Override
  public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
    return listener.onClose(ws, statusCode, reason);
  }

  @Override
  public void onError(WebSocket ws, Throwable error) {
    listener.onError(ws, error);
  }
}
