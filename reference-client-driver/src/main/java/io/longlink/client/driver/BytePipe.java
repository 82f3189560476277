package io.longlink.client.driver;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * A pipe between threads of one JVM, standing for one of a driver's standard streams when the
 * driver runs inside the kit's process. Unlike {@link java.io.PipedInputStream} it does not fail
 * when the thread that last wrote ends, which the client's threads do all the time. Like an
 * operating system's pipe it holds a bounded number of bytes: a writer waits while it is full.
 * After {@link #close()} a reader gets what is left and then the end; a writer gets an error.
 */
final class BytePipe {

  /** What an operating system pipe holds, a few times over: a driver's lines are small and read at once. */
  static final int CAPACITY = 1 << 20;

  private final Object lock = new Object();
  private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
  private int offset;
  private int size;
  private boolean closed;

  private final OutputStream sink = new OutputStream() {
    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      put(Arrays.copyOfRange(b, off, off + len));
    }

    @Override
    public void close() {
      BytePipe.this.close();
    }
  };

  private final InputStream source = new InputStream() {
    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return take(b, off, len);
    }

    @Override
    public int available() {
      synchronized (lock) {
        return size;
      }
    }

    @Override
    public void close() {
      BytePipe.this.close();
    }
  };

  /** The writing end. */
  OutputStream sink() {
    return sink;
  }

  /** The reading end. */
  InputStream source() {
    return source;
  }

  /** Ends the pipe: readers drain it and then see the end, writers fail. */
  void close() {
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
    }
  }

  private void put(byte[] bytes) throws IOException {
    if (bytes.length == 0) {
      return;
    }
    synchronized (lock) {
      // A write larger than the pipe goes in once the pipe is empty, as an OS pipe takes it in parts.
      while (!closed && size > 0 && size + bytes.length > CAPACITY) {
        await();
      }
      if (closed) {
        throw new IOException("the pipe is closed: its reader has gone");
      }
      chunks.addLast(bytes);
      size += bytes.length;
      lock.notifyAll();
    }
  }

  private int take(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    synchronized (lock) {
      while (chunks.isEmpty() && !closed) {
        await();
      }
      if (chunks.isEmpty()) {
        return -1;
      }
      int copied = 0;
      while (copied < len && !chunks.isEmpty()) {
        byte[] first = chunks.peekFirst();
        int n = Math.min(len - copied, first.length - offset);
        System.arraycopy(first, offset, b, off + copied, n);
        copied += n;
        offset += n;
        if (offset == first.length) {
          chunks.removeFirst();
          offset = 0;
        }
      }
      size -= copied;
      lock.notifyAll();
      return copied;
    }
  }

  private void await() throws InterruptedIOException {
    try {
      lock.wait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting on a driver's pipe");
    }
  }
}
