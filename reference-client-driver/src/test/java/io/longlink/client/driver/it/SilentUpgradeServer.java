package io.longlink.client.driver.it;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A loopback listener that accepts a WebSocket upgrade offering {@code longlink.v1} and then only
 * reads: what a test needs to see how a client's connection ends (with or without a close frame)
 * and whether the client connects again.
 */
final class SilentUpgradeServer implements AutoCloseable {

  private static final String WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private final ServerSocket listener;

  SilentUpgradeServer() throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  }

  URI uri() {
    return URI.create("ws://127.0.0.1:" + listener.getLocalPort() + "/ws");
  }

  /** The next connection, upgraded; fails after {@code ms}. */
  Socket acceptUpgraded(int ms) throws IOException {
    listener.setSoTimeout(ms);
    Socket s = listener.accept();
    s.setSoTimeout(ms);
    String key = null;
    for (String line : requestHead(s.getInputStream())) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("sec-websocket-key")) {
        key = line.substring(colon + 1).trim();
      }
    }
    if (key == null) {
      throw new IOException("the upgrade request has no Sec-WebSocket-Key");
    }
    String answer = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Accept: " + accept(key) + "\r\nSec-WebSocket-Protocol: longlink.v1\r\n\r\n";
    s.getOutputStream().write(answer.getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
    return s;
  }

  /** Whether a connection arrives within {@code ms}. */
  boolean connectionWithin(int ms) throws IOException {
    listener.setSoTimeout(ms);
    try (Socket ignored = listener.accept()) {
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    }
  }

  /** The opcode of the next frame the client sends; -1 at the end of the connection. */
  static int nextOpcode(Socket s) throws IOException {
    DataInputStream in = new DataInputStream(s.getInputStream());
    int first;
    try {
      first = in.readUnsignedByte();
    } catch (EOFException e) {
      return -1;
    }
    int second = in.readUnsignedByte();
    long length = second & 0x7f;
    if (length == 126) {
      length = in.readUnsignedShort();
    } else if (length == 127) {
      length = in.readLong();
    }
    in.skipNBytes(((second & 0x80) != 0 ? 4 : 0) + length);
    return first & 0x0f;
  }

  /** The opcodes of every frame until the end of the connection, which has to come within the socket's timeout. */
  static List<Integer> opcodesUntilTheEnd(Socket s) throws IOException {
    List<Integer> opcodes = new ArrayList<>();
    for (int op = nextOpcode(s); op >= 0; op = nextOpcode(s)) {
      opcodes.add(op);
    }
    return opcodes;
  }

  private static List<String> requestHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0 || head.size() > 16_384) {
        throw new IOException("the upgrade request ended or grew past 16 KB before its blank line");
      }
      head.write(b);
    }
    return List.of(head.toString(StandardCharsets.US_ASCII).split("\r\n"));
  }

  private static String accept(String key) {
    try {
      byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + WS_GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(sha1);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from this JVM", e);
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
