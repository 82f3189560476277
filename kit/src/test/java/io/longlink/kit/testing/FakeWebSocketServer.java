package io.longlink.kit.testing;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Just enough of a WebSocket server to answer opening handshakes (RFC 6455 section 4.2) and a
 * close: for preflight tests, which must not need a Longlink server. It can also answer HTTP 404.
 */
public final class FakeWebSocketServer implements AutoCloseable {

  private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  /** The auth_ok of PROTOCOL.md §5.2, which the preflight's auth gets from a server that answers it. */
  private static final String AUTH_OK = "{\"type\": \"auth_ok\", \"session_id\": \"s-7f3a9c\", \"user_id\": \"alice\", "
      + "\"server_time\": 1763769600000, \"heartbeat\": {\"interval_ms\": 25000, \"timeout_ms\": 60000}, "
      + "\"reconnect\": {\"initial_delay_ms\": 1000, \"multiplier\": 2.0, \"max_delay_ms\": 30000, \"jitter\": 0.5}, "
      + "\"limits\": {\"max_message_bytes\": 65536, \"rate_messages\": 20, \"rate_window_ms\": 1000, "
      + "\"max_connections_per_user\": 5, \"auth_timeout_ms\": 10000}, \"delivery\": {\"ack_timeout_ms\": 10000, "
      + "\"max_pending\": 10000, \"max_pending_bytes\": 16777216}, \"dedup_window_ms\": 600000, \"epoch\": \"k7q2m4xbd3t9wz5a\"}";

  private final ServerSocket socket;
  private final boolean upgrade;
  private final boolean answerAuth;
  private volatile boolean dieAfterFirst;
  private final AtomicInteger handshakes = new AtomicInteger();
  private final Map<String, String> lastRequestHeaders = new HashMap<>();

  private FakeWebSocketServer(boolean upgrade, boolean answerAuth) throws IOException {
    this.upgrade = upgrade;
    this.answerAuth = answerAuth;
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "fake-websocket-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Switches every request to WebSocket, selecting longlink.v1 when offered, and answers a first text frame with auth_ok. */
  public static FakeWebSocketServer upgrading() throws IOException {
    return new FakeWebSocketServer(true, true);
  }

  /** Switches every request to WebSocket, and then answers nothing: a WebSocket server that is not Longlink. */
  public static FakeWebSocketServer silent() throws IOException {
    return new FakeWebSocketServer(true, false);
  }

  /** As {@link #upgrading()} for one connection, the preflight's; then it stops listening, as a server that died. */
  public static FakeWebSocketServer upgradingOnce() throws IOException {
    FakeWebSocketServer server = new FakeWebSocketServer(true, true);
    server.dieAfterFirst = true;
    return server;
  }

  /** Answers every request with HTTP 404. */
  public static FakeWebSocketServer notFound() throws IOException {
    return new FakeWebSocketServer(false, false);
  }

  /** {@code ws://127.0.0.1:port/ws}. */
  public String url() {
    return "ws://127.0.0.1:" + socket.getLocalPort() + "/ws";
  }

  /** How many requests it answered. */
  public int handshakes() {
    return handshakes.get();
  }

  /** The headers of the last request, names in lower case. */
  public synchronized Map<String, String> lastRequestHeaders() {
    return Map.copyOf(lastRequestHeaders);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try (Socket connection = socket.accept()) {
        serve(connection);
      } catch (IOException e) {
        // The client went away or the server closed: either way, on to the next connection.
      }
    }
  }

  private void serve(Socket connection) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
    Map<String, String> headers = new HashMap<>();
    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
      }
    }
    synchronized (this) {
      lastRequestHeaders.clear();
      lastRequestHeaders.putAll(headers);
    }
    handshakes.incrementAndGet();
    OutputStream out = connection.getOutputStream();
    if (!upgrade) {
      out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return;
    }
    String protocol = "longlink.v1".equals(headers.get("sec-websocket-protocol")) ? "Sec-WebSocket-Protocol: longlink.v1\r\n" : "";
    out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
        + accept(headers.get("sec-websocket-key")) + "\r\n" + protocol + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    awaitCloseFrame(new DataInputStream(connection.getInputStream()), out);
    out.write(new byte[] {(byte) 0x88, 0x02, 0x03, (byte) 0xE8});
    out.flush();
    if (dieAfterFirst) {
      socket.close();
    }
  }

  /** Reads client frames (always masked) until a close frame, answering the first text frame with auth_ok if it does. */
  private void awaitCloseFrame(DataInputStream in, OutputStream out) throws IOException {
    boolean answered = !answerAuth;
    while (true) {
      int opcode = in.readUnsignedByte() & 0x0F;
      int length = in.readUnsignedByte() & 0x7F;
      long size = length == 126 ? in.readUnsignedShort() : length == 127 ? in.readLong() : length;
      in.readFully(new byte[4]);
      in.readFully(new byte[(int) size]);
      if (opcode == 0x8) {
        return;
      }
      if (opcode == 0x1 && !answered) {
        answered = true;
        byte[] text = AUTH_OK.getBytes(StandardCharsets.UTF_8);
        out.write(new byte[] {(byte) 0x81, 126, (byte) (text.length >> 8), (byte) text.length});
        out.write(text);
        out.flush();
      }
    }
  }

  private static String accept(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }
}
