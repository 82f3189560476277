package io.longlink.kit.client.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;

/**
 * The connection of a {@link Script.Upgrade#HOLD} script in place of Jetty's HTTP one: it reads
 * the opening handshake, records it as an upgrade, never answers, and keeps reading, so that the
 * moment the client gives the attempt up and closes its socket is recorded (LL-HB-8). Jetty's own
 * HTTP connection stops reading a request that has not been answered, and would never see it.
 */
final class HeldRequest extends AbstractConnection {

  /** More than any handshake a client sends; beyond it the bytes are read and dropped. */
  private static final int MAX_HEAD = 64 * 1024;
  private static final byte[] END_OF_HEAD = {'\r', '\n', '\r', '\n'};

  private final HarnessServer harness;
  private final HarnessConnection connection;
  private final ByteBuffer buffer = BufferUtil.allocate(4096);
  private final ByteArrayOutputStream head = new ByteArrayOutputStream();
  private boolean recorded;

  HeldRequest(EndPoint endPoint, Executor executor, HarnessServer harness, HarnessConnection connection) {
    super(endPoint, executor);
    this.harness = harness;
    this.connection = connection;
  }

  @Override
  public void onOpen() {
    super.onOpen();
    fillInterested();
  }

  @Override
  public void onFillable() {
    try {
      while (true) {
        BufferUtil.clear(buffer);
        int filled = getEndPoint().fill(buffer);
        if (filled == 0) {
          fillInterested();
          return;
        }
        if (filled < 0) {
          // The harness's end point has recorded TCP_END on reading the end of the stream.
          getEndPoint().close();
          return;
        }
        readHead();
      }
    } catch (IOException e) {
      getEndPoint().close(e);
    }
  }

  private void readHead() {
    if (recorded || head.size() >= MAX_HEAD) {
      return;
    }
    head.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
    byte[] bytes = head.toByteArray();
    int end = indexOf(bytes, END_OF_HEAD);
    if (end >= 0) {
      recorded = true;
      upgrade(new String(bytes, 0, end, StandardCharsets.ISO_8859_1));
    }
  }

  /** Records the request as Jetty's upgrade path would: its URL and the subprotocols it offers. */
  private void upgrade(String text) {
    String[] lines = text.split("\r\n");
    String[] requestLine = lines[0].split(" ");
    String target = requestLine.length > 1 ? requestLine[1] : "";
    String host = "127.0.0.1:" + harness.port();
    List<String> offered = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = lines[i].substring(colon + 1).trim();
      if (name.equals("host")) {
        host = value;
      } else if (name.equals("sec-websocket-protocol")) {
        for (String token : value.split(",")) {
          if (!token.isBlank()) {
            offered.add(token.trim());
          }
        }
      }
    }
    harness.upgraded(connection, "http://" + host + target, offered);
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= bytes.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (bytes[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
