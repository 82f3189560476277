package io.longlink.server.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Many connections that start a WebSocket upgrade and never finish it, as the attack on the
 * server did: the request line, then one header line now and then, never the blank line that
 * ends the request. One thread and one selector drive them all and note when each one closed.
 */
public final class SlowUpgrades implements AutoCloseable {

  private final SocketChannel[] channels;
  private final long[] connectedNanos;
  private final long[] closedNanos;
  private final Selector selector;
  private final ByteBuffer sink = ByteBuffer.allocate(4096);

  private SlowUpgrades(int count) throws IOException {
    this.channels = new SocketChannel[count];
    this.connectedNanos = new long[count];
    this.closedNanos = new long[count];
    this.selector = Selector.open();
  }

  /** Opens {@code count} connections from {@code from} (a loopback address) to the target's host and port. */
  public static SlowUpgrades open(URI target, InetAddress from, int count) throws IOException {
    SlowUpgrades slow = new SlowUpgrades(count);
    InetSocketAddress server = new InetSocketAddress(target.getHost(), target.getPort());
    byte[] requestLine = ("GET " + target.getRawPath() + " HTTP/1.1\r\nHost: " + target.getHost() + ":" + target.getPort()
        + "\r\n").getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < count; i++) {
      SocketChannel channel = SocketChannel.open();
      channel.bind(new InetSocketAddress(from, 0));
      channel.connect(server);
      slow.connectedNanos[i] = System.nanoTime();
      slow.channels[i] = channel;
      channel.configureBlocking(false);
      channel.register(slow.selector, SelectionKey.OP_READ, i);
      slow.write(i, requestLine);
      // Notes the closes of refused connections as they happen, not once all are open.
      slow.selector.selectNow();
      slow.readSelected();
    }
    return slow;
  }

  /**
   * Sends one more header line on every open connection each {@code interval}, until the server
   * closed them all or {@code giveUp} passed. Returns, per connection, how long it stayed open
   * counted from its connect (which precedes the server's accept), or -1 for one still open.
   */
  public long[] dribbleUntilClosed(Duration interval, Duration giveUp) throws IOException {
    long giveUpAt = System.nanoTime() + giveUp.toNanos();
    long nextLine = System.nanoTime() + interval.toNanos();
    int line = 0;
    while (open() > 0 && System.nanoTime() < giveUpAt) {
      long waitMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(nextLine, giveUpAt) - System.nanoTime()));
      selector.select(waitMs);
      readSelected();
      if (System.nanoTime() >= nextLine) {
        byte[] header = ("X-Slow-" + line++ + ": 1\r\n").getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < channels.length; i++) {
          write(i, header);
        }
        nextLine += interval.toNanos();
      }
    }
    long[] openMs = new long[channels.length];
    for (int i = 0; i < channels.length; i++) {
      openMs[i] = closedNanos[i] == 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(closedNanos[i] - connectedNanos[i]);
    }
    return openMs;
  }

  /** When the server is done with a connection, as a clean end of stream or a reset. */
  private void readSelected() {
    for (SelectionKey key : selector.selectedKeys()) {
      int i = (Integer) key.attachment();
      try {
        sink.clear();
        if (channels[i].read(sink) < 0) {
          closed(i);
        }
      } catch (IOException e) {
        closed(i);
      }
    }
    selector.selectedKeys().clear();
  }

  private void write(int i, byte[] bytes) {
    if (closedNanos[i] != 0) {
      return;
    }
    try {
      channels[i].write(ByteBuffer.wrap(bytes));
    } catch (IOException e) {
      closed(i);
    }
  }

  private void closed(int i) {
    if (closedNanos[i] == 0) {
      closedNanos[i] = System.nanoTime();
      try {
        channels[i].close();
      } catch (IOException ignored) {
        // Already closed by the server; the time is what counts.
      }
    }
  }

  private long open() {
    return Arrays.stream(closedNanos).filter(t -> t == 0).count();
  }

  @Override
  public void close() throws IOException {
    for (SocketChannel channel : channels) {
      if (channel != null) {
        channel.close();
      }
    }
    selector.close();
  }
}
