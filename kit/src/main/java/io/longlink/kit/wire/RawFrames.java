package io.longlink.kit.wire;

import io.longlink.kit.CheckFailure;
import io.longlink.kit.settings.KitSettings;
import io.longlink.protocol.Protocol;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.SSLSocket;

/**
 * A WebSocket client at the frame level, for frames no WebSocket library sends (invalid UTF-8).
 * It does the opening handshake, sends masked frames, and reads until the server closes.
 */
public final class RawFrames implements AutoCloseable {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Socket socket;
  private final OutputStream out;
  private final DataInputStream in;
  private final TranscriptRecorder.Connection transcript;
  /** The subprotocol the server's 101 selected, or null. */
  private String selected;

  private RawFrames(Socket socket, TranscriptRecorder.Connection transcript) throws IOException {
    this.socket = socket;
    this.transcript = transcript;
    this.out = socket.getOutputStream();
    this.in = new DataInputStream(socket.getInputStream());
  }

  /** Opens a connection to the installed target, offering longlink.v1; transcripts call it "a raw connection". */
  public static RawFrames open() {
    return open("a raw connection");
  }

  /** Opens a connection to the installed target, offering longlink.v1, named {@code name} in transcripts. */
  public static RawFrames open(String name) {
    RunBudget.spendConnection();
    TranscriptRecorder.Connection transcript = TranscriptRecorder.current().connection(name);
    KitSettings settings = KitSettings.current();
    URI uri = settings.target();
    boolean tls = "wss".equals(uri.getScheme());
    int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
    transcript.open(uri.toString(), java.util.List.of(Protocol.SUBPROTOCOL));
    try {
      Socket socket;
      if (tls) {
        SSLSocket ssl = (SSLSocket) HttpClients.forCurrentRun().sslSocketFactory().createSocket();
        ssl.connect(new InetSocketAddress(uri.getHost(), port), 10_000);
        socket = ssl;
      } else {
        socket = new Socket();
        socket.connect(new InetSocketAddress(uri.getHost(), port), 10_000);
      }
      RawFrames raw = new RawFrames(socket, transcript);
      raw.handshake(uri, port, settings.headers());
      transcript.opened(raw.selected);
      return raw;
    } catch (IOException e) {
      transcript.openFailed(e.getMessage());
      throw new CheckFailure("the target to accept a WebSocket upgrade", "the raw connection failed: " + e.getMessage());
    }
  }

  private void handshake(URI uri, int port, Map<String, String> headers) throws IOException {
    byte[] key = new byte[16];
    RANDOM.nextBytes(key);
    StringBuilder request = new StringBuilder()
        .append("GET ").append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
        .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n")
        .append("Host: ").append(uri.getHost()).append(':').append(port).append("\r\n")
        .append("Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n")
        .append("Sec-WebSocket-Key: ").append(Base64.getEncoder().encodeToString(key)).append("\r\n")
        .append("Sec-WebSocket-Protocol: ").append(Protocol.SUBPROTOCOL).append("\r\n");
    headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
    out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    out.flush();
    socket.setSoTimeout(10_000);
    String status = readHead();
    if (!status.startsWith("HTTP/1.1 101")) {
      throw new IOException("the upgrade was refused: " + status.lines().findFirst().orElse(status));
    }
    selected = status.lines().filter(l -> l.regionMatches(true, 0, "Sec-WebSocket-Protocol:", 0, 23))
        .map(l -> l.substring(23).strip()).findFirst().orElse(null);
  }

  private String readHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the connection ended during the handshake");
      }
      head.write(b);
      boolean cr = b == '\r' && (matched == 0 || matched == 2);
      boolean lf = b == '\n' && (matched == 1 || matched == 3);
      matched = cr || lf ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  /** Sends one final, masked frame. */
  public void sendFrame(int opcode, byte[] payload) {
    RunBudget.spendMessage();
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(0x80 | opcode);
    if (payload.length < 126) {
      frame.write(0x80 | payload.length);
    } else if (payload.length < 65_536) {
      frame.write(0x80 | 126);
      frame.write(payload.length >>> 8);
      frame.write(payload.length & 0xFF);
    } else {
      frame.write(0x80 | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        frame.write((int) ((long) payload.length >>> shift) & 0xFF);
      }
    }
    byte[] mask = new byte[4];
    RANDOM.nextBytes(mask);
    frame.write(mask, 0, 4);
    for (int i = 0; i < payload.length; i++) {
      frame.write(payload[i] ^ mask[i % 4]);
    }
    transcript.frame(TranscriptEvent.Direction.SENT, opcode, payload);
    try {
      out.write(frame.toByteArray());
      out.flush();
    } catch (IOException e) {
      transcript.end(TranscriptEvent.Direction.RECEIVED, "the connection failed: " + e.getMessage());
      throw new CheckFailure("to send a frame", "the connection failed: " + e.getMessage());
    }
  }

  /** Sends a text frame of UTF-8 text. */
  public void sendText(String text) {
    sendFrame(0x1, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads frames until the server's close frame and returns its code, 1006 when the connection
   * ended without one; fails when neither happens within {@code withinMs}.
   */
  public int awaitCloseCode(long withinMs, String expectation) {
    long deadline = System.nanoTime() + withinMs * 1_000_000;
    try {
      while (true) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          throw new CheckFailure(expectation + " within " + withinMs + " ms", "the connection stayed open");
        }
        socket.setSoTimeout((int) left);
        int first = in.read();
        if (first < 0) {
          transcript.end(TranscriptEvent.Direction.RECEIVED, "the server ended the connection");
          return 1006;
        }
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
          length = in.readUnsignedShort();
        } else if (length == 127) {
          length = in.readLong();
        }
        byte[] payload = new byte[(int) Math.min(length, 1 << 24)];
        in.readFully(payload);
        transcript.frame(TranscriptEvent.Direction.RECEIVED, first & 0x0F, payload);
        if ((first & 0x0F) == 0x8) {
          return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
        }
      }
    } catch (SocketTimeoutException e) {
      throw new CheckFailure(expectation + " within " + withinMs + " ms", "the connection stayed open");
    } catch (IOException e) {
      transcript.end(TranscriptEvent.Direction.RECEIVED, "the connection ended: " + e.getMessage());
      return 1006;
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Closing a socket we are done with; nothing to tell anyone.
    }
  }
}
