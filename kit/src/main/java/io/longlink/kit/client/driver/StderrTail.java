package io.longlink.kit.client.driver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The last lines of the driver's standard error, kept for the scenario's report. Bounded: a
 * chatty driver must not fill the kit's memory, and a driver whose stderr nobody reads would
 * block once the pipe is full.
 */
final class StderrTail {

  private static final int MAX_LINES = 200;

  private final Deque<String> tail = new ArrayDeque<>();

  static StderrTail follow(InputStream stream) {
    StderrTail stderr = new StderrTail();
    Thread reader = new Thread(() -> stderr.read(stream), "driver-stderr");
    reader.setDaemon(true);
    reader.start();
    return stderr;
  }

  private void read(InputStream stream) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        synchronized (tail) {
          tail.addLast(line);
          if (tail.size() > MAX_LINES) {
            tail.removeFirst();
          }
        }
      }
    } catch (IOException e) {
      // The process is gone; what was read stays.
    }
  }

  String text() {
    synchronized (tail) {
      return String.join("\n", tail);
    }
  }
}
