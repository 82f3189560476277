package io.longlink.client.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP proxy that can make its open connections go silent: bytes are read and dropped
 * in both directions, and no socket is closed. That is a half-open link as a client sees it: no
 * close, no error, only silence. Connections accepted later are forwarded normally.
 */
final class SilentProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final int upstreamPort;
  private final List<Pipe> pipes = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  SilentProxy(int upstreamPort) throws IOException {
    this.upstreamPort = upstreamPort;
    this.listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::acceptLoop, "silent-proxy-accept");
    accept.setDaemon(true);
    accept.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Every connection open now stops carrying bytes, in both directions, without closing. */
  void silenceOpenConnections() {
    pipes.forEach(p -> p.silent = true);
  }

  private void acceptLoop() {
    try {
      while (!listener.isClosed()) {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
        sockets.add(client);
        sockets.add(server);
        start(new Pipe(client.getInputStream(), server.getOutputStream()));
        start(new Pipe(server.getInputStream(), client.getOutputStream()));
      }
    } catch (IOException closed) {
      // The proxy was closed; the test is over.
    }
  }

  private void start(Pipe pipe) {
    pipes.add(pipe);
    Thread t = new Thread(pipe, "silent-proxy-pipe");
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

  private static final class Pipe implements Runnable {
    private final InputStream in;
    private final OutputStream out;
    volatile boolean silent;

    Pipe(InputStream in, OutputStream out) {
      this.in = in;
      this.out = out;
    }

    @Override
    public void run() {
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          if (!silent) {
            out.write(buffer, 0, n);
            out.flush();
          }
        }
      } catch (IOException closed) {
        // One side closed; the other pipe notices on its own.
      }
    }
  }
}
