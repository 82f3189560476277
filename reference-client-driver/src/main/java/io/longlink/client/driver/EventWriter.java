package io.longlink.client.driver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes event lines (DRIVER.md §5) on the driver's standard output: one JSON object per line,
 * flushed at once, from any thread, never two lines interleaved.
 */
final class EventWriter {

  static final ObjectMapper JSON = new ObjectMapper();

  private final OutputStream out;

  EventWriter(OutputStream out) {
    this.out = out;
  }

  /** A new event of {@code type}, to fill and {@link #write}. */
  static ObjectNode event(String type) {
    return JSON.createObjectNode().put("type", type);
  }

  synchronized void write(ObjectNode event) {
    try {
      out.write(JSON.writeValueAsBytes(event));
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      // The kit has gone: nobody is left to tell.
      throw new UncheckedIOException("cannot write to the driver's standard output", e);
    }
  }

  void done(String cid) {
    write(event("done").put("cid", cid));
  }

  void done(String cid, String id) {
    write(event("done").put("cid", cid).put("id", id));
  }

  /** An error event; {@code cid} is null when it answers no command. */
  void error(String cid, String code, String message) {
    ObjectNode e = event("error");
    if (cid != null) {
      e.put("cid", cid);
    }
    write(e.put("code", code).put("message", Texts.clip(message, 4096)));
  }

  void log(String level, String message) {
    write(event("log").put("level", level).put("message", Texts.clip(message, 65_536)));
  }
}
