package io.longlink.server.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.longlink.server.robustness.Observed.End;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends an input's frames on one connection, then a probe ping, and records everything the server
 * sends until the probe's pong (the connection stayed open), a close, a dropped connection or the
 * deadline. The server handles one connection's frames in order, so whatever the input caused
 * arrives before the probe's pong.
 */
final class Exchange {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicLong PROBES = new AtomicLong();

  private Exchange() {}

  /**
   * @param user who the connection is authenticated as (null before auth)
   * @param inSession whether to probe right away; before auth the probe waits for an auth_ok
   */
  static Observed run(WireClient client, String user, List<byte[]> frames, boolean inSession, long waitMs) {
    long start = System.nanoTime();
    boolean writeFailed = false;
    for (byte[] f : frames) {
      try {
        client.send(f);
      } catch (IOException e) {
        writeFailed = true;
        break;
      }
    }
    String probe = "probe-" + PROBES.incrementAndGet();
    boolean probed = false;
    if (inSession && !writeFailed) {
      probed = sendProbe(client, probe);
    }
    List<JsonNode> messages = new ArrayList<>();
    long deadline = System.nanoTime() + waitMs * 1_000_000;
    while (true) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      WireClient.Read read = client.read(Math.max(1, left));
      long elapsed = (System.nanoTime() - start) / 1_000_000;
      if (read.frame() == null) {
        client.close();
        End end = read.silence() == WireClient.Silence.TIMEOUT ? End.SILENT : End.RESET;
        return new Observed(user, messages, end, 0, elapsed, List.of());
      }
      WireClient.Frame f = read.frame();
      if (f.isClose()) {
        client.answerClose(f.closeCode());
        return new Observed(user, messages, End.CLOSED, f.closeCode(), elapsed, List.of());
      }
      if (f.opcode() == 0x9 || f.opcode() == 0xA) {
        continue;
      }
      JsonNode m = parse(f);
      if (probed && "pong".equals(m.path("type").asText()) && probe.equals(m.path("id").asText())) {
        return new Observed(user, messages, End.OPEN, 0, elapsed, List.of());
      }
      messages.add(m);
      if (!probed && "auth_ok".equals(m.path("type").asText())) {
        user = m.path("user_id").asText();
        probed = sendProbe(client, probe);
      }
    }
  }

  private static boolean sendProbe(WireClient client, String probe) {
    try {
      client.sendText("{\"type\":\"ping\",\"id\":\"" + probe + "\"}");
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static JsonNode parse(WireClient.Frame f) {
    if (f.opcode() != 0x1) {
      return JsonNodeFactory.instance.objectNode().put("type", "(frame with opcode " + f.opcode() + ")");
    }
    try {
      return JSON.readTree(f.text());
    } catch (IOException e) {
      return JsonNodeFactory.instance.objectNode().put("type", "(text that is not JSON: " + f.text() + ")");
    }
  }
}
