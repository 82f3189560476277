package io.longlink.client.driver.fault;

import io.longlink.client.AsyncDeliveryHandler;
import io.longlink.client.ClientObserver;
import io.longlink.client.reconnect.BackoffPolicy;
import io.longlink.client.transport.Transport;
import java.net.URI;
import java.net.http.HttpClient;

/**
 * One broken client rule, as decorators of the parts the client is built from: each hook gets
 * the real part and returns it, or a wrapper that misbehaves. The shipped library is never told
 * to break anything; it is given broken parts. One fault per client; the driver applies the
 * hooks of every fault asked for, in order.
 */
public interface Fault {

  /** The HTTP client the WebSocket transport is opened with (the handshake, the frames' kind). */
  default HttpClient http(HttpClient real) {
    return real;
  }

  /** The transport: what the client sends and receives, and how links open and end. */
  default Transport transport(Transport real) {
    return real;
  }

  /** The waits before reconnect attempts. */
  default BackoffPolicy backoff(BackoffPolicy real) {
    return real;
  }

  /** The server URI as the client is configured with it. */
  default URI uri(URI given) {
    return given;
  }

  /** What the library tells the application; {@code application} processes deliveries. */
  default ClientObserver observer(ClientObserver real, AsyncDeliveryHandler application) {
    return real;
  }

  /** What the application's deliberate close does. */
  default Runnable deliberateClose(Runnable real) {
    return real;
  }

  /** What the platform's report of the network or the app back does (LL-RC-10). */
  default Runnable platformBack(Runnable real) {
    return real;
  }
}
