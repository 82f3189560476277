package io.longlink.kit.wire;

import io.longlink.kit.CheckFailure;
import io.longlink.kit.settings.KitSettings;
import io.longlink.protocol.Protocol;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;

/**
 * A TCP connection (TLS for {@code wss://}) that starts a WebSocket upgrade request and never
 * finishes it: the request line and headers, then one more header line now and then, never the
 * blank line that ends the request. It notes when the server closes the connection (LL-LIM-9).
 */
public final class SlowUpgrade implements AutoCloseable {

  /**
   * What happened: whether the server closed the connection, {@code afterMs} after the TCP connect
   * (or when the kit gave up); the first line the server sent, or null; the header lines sent after the head.
   */
  public record Outcome(boolean closed, long afterMs, String answer, int headerLines) {}

  private final Socket socket;
  private final long connectedNanos;
  private final String requestHead;
  private final TranscriptRecorder.Connection transcript;
  private String answer;

  private SlowUpgrade(Socket socket, long connectedNanos, String requestHead, TranscriptRecorder.Connection transcript) {
    this.socket = socket;
    this.transcript = transcript;
    this.connectedNanos = connectedNanos;
    this.requestHead = requestHead;
  }

  /** Opens a TCP connection to the installed target's host and port, and over TLS completes the TLS handshake. */
  public static SlowUpgrade open() {
    RunBudget.spendConnection();
    KitSettings settings = KitSettings.current();
    URI uri = settings.target();
    boolean tls = "wss".equals(uri.getScheme());
    int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
    Socket socket = new Socket();
    TranscriptRecorder.Connection transcript = TranscriptRecorder.current().connection("a slow upgrade");
    transcript.open("tcp://" + uri.getHost() + ":" + port + (tls ? " (TLS)" : "") + ", for an upgrade request it never ends",
        java.util.List.of());
    try {
      socket.connect(new InetSocketAddress(uri.getHost(), port), 10_000);
      long connected = System.nanoTime();
      Socket stream = socket;
      if (tls) {
        SSLSocket ssl = (SSLSocket) HttpClients.forCurrentRun().sslSocketFactory().createSocket(socket, uri.getHost(), port, true);
        ssl.startHandshake();
        stream = ssl;
      }
      return new SlowUpgrade(stream, connected, head(uri, port, settings.headers()), transcript);
    } catch (IOException e) {
      transcript.openFailed(e.getMessage());
      closeQuietly(socket);
      throw new CheckFailure("the target to accept a TCP" + (tls ? " and TLS" : "") + " connection", "the connection failed: "
          + e.getMessage());
    }
  }

  /** The upgrade request without the blank line that would end it. */
  private static String head(URI uri, int port, Map<String, String> headers) {
    StringBuilder head = new StringBuilder()
        .append("GET ").append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
        .append(" HTTP/1.1\r\n")
        .append("Host: ").append(uri.getHost()).append(':').append(port).append("\r\n")
        .append("Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n")
        .append("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n")
        .append("Sec-WebSocket-Protocol: ").append(Protocol.SUBPROTOCOL).append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    return head.toString();
  }

  /**
   * Sends the request head, then one header line every {@code interval}, until the server closes
   * the connection; gives up when it is still open {@code giveUp} after the connect.
   *
   */
  public Outcome dribbleUntilClosed(Duration interval, Duration giveUp) {
    long giveUpAt = connectedNanos + giveUp.toNanos();
    long nextLine = System.nanoTime();
    int lines = 0;
    byte[] buffer = new byte[1024];
    try {
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(requestHead.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      transcript.text(TranscriptEvent.Direction.SENT, requestHead.strip(), false, "HTTP, not a frame: the head, without its end");
      nextLine += interval.toNanos();
      while (true) {
        long now = System.nanoTime();
        if (now - giveUpAt >= 0) {
          return outcome(false, lines);
        }
        if (now - nextLine >= 0) {
          out.write(("X-Longlink-Kit-" + ++lines + ": slow\r\n").getBytes(StandardCharsets.US_ASCII));
          out.flush();
          nextLine += interval.toNanos();
          continue;
        }
        socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(nextLine, giveUpAt) - now)));
        try {
          int n = in.read(buffer);
          if (n < 0) {
            return outcome(true, lines);
          }
          if (answer == null) {
            answer = new String(buffer, 0, n, StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
          }
        } catch (SocketTimeoutException e) {
          // Time for the next header line, or to give up.
        }
      }
    } catch (IOException e) {
      // A reset, a broken pipe or a TLS failure: the server closed the connection.
      return outcome(true, lines);
    }
  }

  private Outcome outcome(boolean closed, int lines) {
    transcript.text(TranscriptEvent.Direction.SENT, lines + " header lines, one every interval, since the head", false,
        "HTTP, not a frame");
    if (answer != null) {
      transcript.text(TranscriptEvent.Direction.RECEIVED, answer, false, "HTTP, not a frame");
    }
    if (closed) {
      transcript.end(TranscriptEvent.Direction.RECEIVED, "the server closed the connection");
    } else {
      transcript.end(TranscriptEvent.Direction.SENT, "the kit gave up waiting for the server to close it");
    }
    return new Outcome(closed, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - connectedNanos), answer, lines);
  }

  @Override
  public void close() {
    closeQuietly(socket);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // A socket we are done with; nothing to tell anyone.
    }
  }
}
