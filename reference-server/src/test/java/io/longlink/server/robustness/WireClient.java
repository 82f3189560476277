package io.longlink.server.robustness;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A WebSocket client that does what well-behaved clients refuse to: any handshake headers, any
 * frame header bits, unmasked frames, arbitrary bytes. Blocking and single-threaded: one caller
 * sends, then reads with a deadline.
 */
final class WireClient implements AutoCloseable {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int CONNECT_TIMEOUT_MS = 5_000;

  /** One frame the server sent. */
  record Frame(int opcode, byte[] payload) {
    boolean isClose() {
      return opcode == 0x8;
    }

    int closeCode() {
      return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
    }

    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  /** How a read ended when it returned no frame. */
  enum Silence {
    TIMEOUT,
    EOF,
    RESET
  }

  /** A read: a frame, or why there was none. */
  record Read(Frame frame, Silence silence) {}

  private final Socket socket;
  private final OutputStream out;
  private final DataInputStream in;
  private final int status;
  private final Map<String, List<String>> responseHeaders;
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  private int partialOpcode = -1;

  private WireClient(Socket socket, int status, Map<String, List<String>> responseHeaders) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.in = new DataInputStream(socket.getInputStream());
    this.status = status;
    this.responseHeaders = responseHeaders;
  }

  /** The usual upgrade offering longlink.v1. */
  static WireClient open(URI uri) throws IOException {
    return open(uri, uri.getRawPath(), List.of("Sec-WebSocket-Protocol: longlink.v1"), true);
  }

  /**
   * Sends an upgrade request for {@code pathAndQuery} with these extra header lines; {@code
   * standard} adds Upgrade, Connection, Version and Key. Returns whatever the server answered.
   */
  static WireClient open(URI uri, String pathAndQuery, List<String> headerLines, boolean standard) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), CONNECT_TIMEOUT_MS);
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(CONNECT_TIMEOUT_MS);
    StringBuilder request = new StringBuilder("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\n");
    if (standard) {
      byte[] key = new byte[16];
      RANDOM.nextBytes(key);
      request.append("Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ")
          .append(Base64.getEncoder().encodeToString(key)).append("\r\n");
    }
    for (String line : headerLines) {
      request.append(line).append("\r\n");
    }
    request.append("\r\n");
    socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
    DataInputStream in = new DataInputStream(socket.getInputStream());
    String head = readHead(in);
    String[] lines = head.split("\r\n");
    String[] statusLine = lines[0].split(" ");
    int status = statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1;
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).trim());
      }
    }
    return new WireClient(socket, status, headers);
  }

  private static String readHead(DataInputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("the server closed the connection during the handshake after: " + head);
      }
      head.write(b);
      matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3)) ? matched + 1 : 0;
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  int status() {
    return status;
  }

  /** The values of a response header, lower-case name. */
  List<String> header(String name) {
    return responseHeaders.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  void sendText(String text) throws IOException {
    send(frame(true, 0, 0x1, text.getBytes(StandardCharsets.UTF_8), true));
  }

  /** Writes bytes as they are: one or more frames, or anything else. */
  void send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /**
   * One frame: {@code rsv} is the three reserved bits (0-7), {@code masked} false makes the
   * unmasked frame that RFC 6455 forbids clients to send.
   */
  static byte[] frame(boolean fin, int rsv, int opcode, byte[] payload, boolean masked) {
    return frame(fin, rsv, opcode, payload, masked, payload.length);
  }

  /** A frame whose header declares {@code declaredLength} whatever the payload really holds. */
  static byte[] frame(boolean fin, int rsv, int opcode, byte[] payload, boolean masked, long declaredLength) {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write((fin ? 0x80 : 0) | (rsv & 0x7) << 4 | (opcode & 0xF));
    int maskBit = masked ? 0x80 : 0;
    if (declaredLength < 126) {
      frame.write(maskBit | (int) declaredLength);
    } else if (declaredLength < 65_536) {
      frame.write(maskBit | 126);
      frame.write((int) (declaredLength >>> 8));
      frame.write((int) declaredLength);
    } else {
      frame.write(maskBit | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        frame.write((int) (declaredLength >>> shift));
      }
    }
    byte[] mask = new byte[4];
    if (masked) {
      RANDOM.nextBytes(mask);
      frame.write(mask, 0, 4);
    }
    for (int i = 0; i < payload.length; i++) {
      frame.write(payload[i] ^ mask[i % 4]);
    }
    return frame.toByteArray();
  }

  /** A masked frame whose length is written in the 8-byte form as {@code lengthField}, whatever the payload's real length. */
  static byte[] frameWith64BitLength(int opcode, byte[] payload, long lengthField) {
    // Declaring 65536 forces the 8-byte length form; then the length is overwritten.
    byte[] framed = frame(true, 0, opcode, payload, true, 65_536);
    for (int i = 0; i < 8; i++) {
      framed[2 + i] = (byte) (lengthField >>> (56 - 8 * i));
    }
    return framed;
  }

  static byte[] text(String text) {
    return frame(true, 0, 0x1, text.getBytes(StandardCharsets.UTF_8), true);
  }

  /** A close frame with this code and reason. */
  static byte[] close(int code, byte[] reason) {
    byte[] payload = new byte[2 + reason.length];
    payload[0] = (byte) (code >>> 8);
    payload[1] = (byte) code;
    System.arraycopy(reason, 0, payload, 2, reason.length);
    return frame(true, 0, 0x8, payload, true);
  }

  /** The next complete message or control frame within {@code timeoutMs}; fragments are reassembled. */
  Read read(long timeoutMs) {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000;
    try {
      while (true) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          return new Read(null, Silence.TIMEOUT);
        }
        socket.setSoTimeout((int) left);
        int first = in.read();
        if (first < 0) {
          return new Read(null, Silence.EOF);
        }
        socket.setSoTimeout(CONNECT_TIMEOUT_MS);
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
          length = in.readUnsignedShort();
        } else if (length == 127) {
          length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        int opcode = first & 0x0F;
        boolean fin = (first & 0x80) != 0;
        if (opcode >= 0x8) {
          return new Read(new Frame(opcode, payload), null);
        }
        if (opcode != 0) {
          partialOpcode = opcode;
          partial.reset();
        }
        partial.write(payload, 0, payload.length);
        if (fin) {
          Frame whole = new Frame(partialOpcode, partial.toByteArray());
          partial.reset();
          return new Read(whole, null);
        }
      }
    } catch (SocketTimeoutException e) {
      return new Read(null, Silence.TIMEOUT);
    } catch (EOFException e) {
      return new Read(null, Silence.EOF);
    } catch (IOException e) {
      return new Read(null, Silence.RESET);
    }
  }

  /** Answers the server's close, as RFC 6455 asks, and drops the socket. */
  void answerClose(int code) {
    try {
      send(close(code, new byte[0]));
    } catch (IOException ignored) {
      // The server may already have dropped the TCP connection; nothing is left to answer.
    }
    close();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Closing a socket the peer already reset: nothing to do.
    }
  }
}
