package io.longlink.client.driver.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.client.time.FakeScheduler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The faults in the JDK WebSocket, on a recording builder and socket in place of the JDK's. */
class WebSocketFaultsTest {

  private final List<String> calls = new ArrayList<>();
  private final List<String> heard = new ArrayList<>();
  private WebSocket.Listener listener;

  private final WebSocket socket = new ForwardingSocket(null) {
    @Override
    public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
      calls.add("text " + data);
      return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
      calls.add("binary " + data.remaining());
      return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
      calls.add("control ping");
      return CompletableFuture.completedFuture(this);
    }
  };

  private final WebSocket.Builder recording = new WebSocket.Builder() {
    @Override
    public WebSocket.Builder header(String name, String value) {
      return this;
    }

    @Override
    public WebSocket.Builder connectTimeout(Duration timeout) {
      return this;
    }

    @Override
    public WebSocket.Builder subprotocols(String mostPreferred, String... lesserPreferred) {
      calls.add("subprotocols " + mostPreferred);
      return this;
    }

    @Override
    public CompletableFuture<WebSocket> buildAsync(URI uri, WebSocket.Listener l) {
      listener = l;
      return CompletableFuture.completedFuture(socket);
    }
  };

  private WebSocket open(Violation v) {
    HttpClient http = new ForwardingHttpClient(HttpClient.newHttpClient(), real -> recording);
    Fault fault = v.fault(new FaultContext("t", false, new FakeScheduler(1_000)));
    WebSocket.Listener transport = new WebSocket.Listener() {
      @Override
      public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        heard.add(data.toString());
        return null;
      }
    };
    return fault.http(http).newWebSocketBuilder().subprotocols("longlink.v1")
        .buildAsync(URI.create("ws://127.0.0.1:1/ws"), transport).join();
  }

  /**
   * Sends each frame on the socket the previous send completed with, as JdkLink does: the JDK's
   * sends complete with the socket they were called on, so a fault that let its inner socket out
   * would see the first frame only.
   */
  private static void chained(WebSocket ws, String... frames) {
    CompletableFuture<WebSocket> tail = CompletableFuture.completedFuture(ws);
    for (String frame : frames) {
      tail = tail.thenCompose(s -> s.sendText(frame, true));
    }
    tail.join();
  }

  @Test
  void noSubprotocolIsOffered() {
    open(Violation.TR_1).sendText("{\"type\":\"auth\"}", true);
    assertEquals(List.of("text {\"type\":\"auth\"}"), calls, "no subprotocols call reached the JDK (LL-TR-1)");
  }

  @Test
  void pingsLeaveAsBinaryFrames() {
    chained(open(Violation.TR_5), "{\"type\":\"auth\"}", "{\"type\":\"ping\",\"id\":\"p-1\"}");
    assertEquals("subprotocols longlink.v1", calls.get(0));
    assertEquals("text {\"type\":\"auth\"}", calls.get(1), "other frames stay text");
    assertTrue(calls.get(2).startsWith("binary "), "the ping after the first frame went binary (LL-TR-5): " + calls);
  }

  @Test
  void controlPongsReachTheClientAsPongs() {
    WebSocket ws = open(Violation.TR_6);
    chained(ws, "{\"type\":\"auth\"}", "{\"type\":\"ping\",\"id\":\"p-1\"}");
    assertEquals(List.of("subprotocols longlink.v1", "text {\"type\":\"auth\"}", "text {\"type\":\"ping\",\"id\":\"p-1\"}",
        "control ping"), calls, "the ping after the first frame also went as a control ping (LL-TR-6)");
    listener.onPong(ws, ByteBuffer.allocate(0));
    assertEquals(1, heard.size(), "a control pong became a frame for the client (LL-TR-6)");
    assertTrue(heard.get(0).contains("\"pong\""));
  }
}
