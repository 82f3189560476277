package io.longlink.kit.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP proxy in front of a server that can freeze: from then on it drops every byte in
 * both directions, of the connections open and of those that come later, and closes none. To the
 * kit that is a server that stops answering mid-run without closing anything.
 */
public final class FreezingProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final int upstreamPort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile boolean frozen;
  private volatile int freezeAt = Integer.MAX_VALUE;
  private int accepted;

  public FreezingProxy(int upstreamPort) throws IOException {
    this.upstreamPort = upstreamPort;
    this.listener = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
    daemon(this::acceptLoop, "freezing-proxy-accept");
  }

  public int port() {
    return listener.getLocalPort();
  }

  /**
   * Freezes when the {@code n}th connection arrives: from then on no connection gets an answer,
   * as far as anyone behind the proxy can tell.
   */
  public void freezeAfter(int n) {
    freezeAt = n;
  }

  private void acceptLoop() {
    try {
      while (!listener.isClosed()) {
        Socket client = listener.accept();
        if (++accepted >= freezeAt) {
          frozen = true;
        }
        Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
        sockets.add(client);
        sockets.add(server);
        daemon(() -> pipe(client.getInputStream(), server.getOutputStream()), "freezing-proxy-up");
        daemon(() -> pipe(server.getInputStream(), client.getOutputStream()), "freezing-proxy-down");
      }
    } catch (IOException closed) {
      // The proxy was closed: the test is over.
    }
  }

  private interface Io {
    void run() throws IOException;
  }

  private void pipe(InputStream in, OutputStream out) {
    byte[] buffer = new byte[16 * 1024];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        if (!frozen) {
          out.write(buffer, 0, n);
          out.flush();
        }
      }
    } catch (IOException ended) {
      // Either side went away.
    }
  }

  private static void daemon(Io body, String name) {
    Thread t = new Thread(() -> {
      try {
        body.run();
      } catch (IOException ended) {
        // Either side went away.
      }
    }, name);
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket s : sockets) {
      s.close();
    }
  }
}
