package io.longlink.server.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longlink.server.testing.TestServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A recipient that inputs chat to: it records every delivery by id and acks it, so that an input
 * can check what a third party received (the stamped {@code from}, a replay never delivered
 * twice). One thread reads, acks and pings.
 */
final class Witness implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long PING_EVERY_MS = 1_000;

  private final String user;
  private final WireClient client;
  private final Map<String, List<JsonNode>> deliveries = new ConcurrentHashMap<>();
  private final List<String> trouble = new CopyOnWriteArrayList<>();
  private final Thread reader;
  private volatile boolean running = true;

  Witness(Target target, long waitMs) throws IOException {
    this.user = TestServer.user("witness");
    this.client = Lane.session(target, user, waitMs);
    this.reader = new Thread(this::loop, "hostile-corpus-witness");
    reader.setDaemon(true);
    reader.start();
  }

  String user() {
    return user;
  }

  private void loop() {
    while (running) {
      WireClient.Read read = client.read(PING_EVERY_MS);
      try {
        if (read.frame() == null) {
          if (read.silence() != WireClient.Silence.TIMEOUT) {
            trouble.add("the witness's connection ended: " + read.silence());
            return;
          }
          client.sendText("{\"type\":\"ping\"}");
          continue;
        }
        if (read.frame().isClose()) {
          trouble.add("the witness's connection was closed with " + read.frame().closeCode());
          return;
        }
        JsonNode m = JSON.readTree(read.frame().text());
        String type = m.path("type").asText();
        if ("chat".equals(type)) {
          deliveries.computeIfAbsent(m.path("id").asText(), k -> new CopyOnWriteArrayList<>()).add(m);
          client.sendText("{\"type\":\"ack\",\"seq\":" + m.path("seq").asLong() + "}");
        } else if (!"pong".equals(type)) {
          trouble.add("the witness got " + Observed.summary(m));
        }
      } catch (IOException e) {
        if (running) {
          trouble.add("the witness failed: " + e);
        }
        return;
      }
    }
  }

  /** The deliveries of chat {@code id} once at least one arrived, or none after the deadline. */
  List<JsonNode> await(String id, long waitMs) throws InterruptedException {
    long deadline = System.nanoTime() + waitMs * 1_000_000;
    while (System.nanoTime() < deadline) {
      List<JsonNode> got = deliveries.get(id);
      if (got != null && !got.isEmpty()) {
        return new ArrayList<>(got);
      }
      Thread.sleep(5);
    }
    return List.of();
  }

  /** Ids delivered more than once, and anything unexpected the witness saw. */
  List<String> problems() {
    List<String> problems = new ArrayList<>(trouble);
    new TreeMap<>(deliveries).forEach((id, got) -> {
      if (got.size() > 1) {
        problems.add("chat " + id + " was delivered " + got.size() + " times to the witness");
      }
    });
    return problems;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    reader.join(2 * PING_EVERY_MS);
    client.close();
  }
}
