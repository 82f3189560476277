package io.longlink.server.faults.proxy;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A WebSocket client at the frame level, for how a connection ends: with a close frame, or with
 * the TCP connection gone and no close frame. (The JDK's WebSocket misses an end of stream that
 * comes right behind a message now and then, so it cannot tell.)
 */
final class RawClient implements AutoCloseable {

  /** How the connection ended, and the text messages before. */
  record End(List<String> texts, Integer closeCode, boolean endOfStream) {
    @Override
    public String toString() {
      return (closeCode != null ? "close " + closeCode : endOfStream ? "end of stream, no close frame" : "nothing")
          + " after " + texts;
    }
  }

  private final Socket socket;
  private final OutputStream out;
  private final DataInputStream in;

  private RawClient(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.in = new DataInputStream(socket.getInputStream());
  }

  /** Connects and upgrades offering longlink.v1. */
  static RawClient connect(URI uri) throws IOException {
    Socket socket = new Socket();
    socket.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
    socket.setSoTimeout(5_000);
    RawClient client = new RawClient(socket);
    client.out.write(("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
        + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
        + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString("proxy-raw-client".getBytes(StandardCharsets.US_ASCII))
        + "\r\nSec-WebSocket-Protocol: longlink.v1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    client.out.flush();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = client.in.read();
      if (b < 0) {
        throw new IOException("the upgrade ended early: " + head);
      }
      head.append((char) b);
    }
    if (!head.toString().startsWith("HTTP/1.1 101")) {
      throw new IOException("the upgrade was refused: " + head);
    }
    return client;
  }

  /** Sends a masked text frame (a zero mask: the payload goes as it is). */
  void send(String text) throws IOException {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(0x81);
    if (payload.length < 126) {
      frame.write(0x80 | payload.length);
    } else {
      frame.write(0x80 | 126);
      frame.write(payload.length >> 8);
      frame.write(payload.length & 0xff);
    }
    frame.write(new byte[4]);
    frame.write(payload);
    out.write(frame.toByteArray());
    out.flush();
  }

  /** Reads until the connection ends or {@code within} passed (then neither a close nor the end of stream). */
  End readToTheEnd(Duration within) throws IOException {
    long deadline = System.nanoTime() + within.toNanos();
    List<String> texts = new ArrayList<>();
    while (true) {
      long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
      if (left <= 0) {
        return new End(texts, null, false);
      }
      socket.setSoTimeout((int) left);
      int first;
      try {
        first = in.read();
      } catch (SocketTimeoutException e) {
        return new End(texts, null, false);
      } catch (IOException e) {
        // A reset is an end without a close frame too.
        return new End(texts, null, true);
      }
      if (first < 0) {
        return new End(texts, null, true);
      }
      try {
        int second = in.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126) {
          length = in.readUnsignedShort();
        } else if (length == 127) {
          length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        int opcode = first & 0x0f;
        if (opcode == 0x8) {
          return new End(texts, payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005, false);
        }
        if (opcode == 0x1) {
          texts.add(new String(payload, StandardCharsets.UTF_8));
        }
      } catch (EOFException e) {
        return new End(texts, null, true);
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
