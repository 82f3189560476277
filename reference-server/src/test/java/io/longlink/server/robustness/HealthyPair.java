package io.longlink.server.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import io.longlink.server.testing.Messages;
import io.longlink.server.testing.TestClient;
import io.longlink.server.testing.TestServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Two users chatting back and forth on their own connections (the JDK's WebSocket client) for as
 * long as the corpus runs: every chat has to be acked within a generous deadline and delivered
 * exactly once, and neither connection may see an error or a close (LL-ERR-6).
 */
final class HealthyPair implements AutoCloseable {

  /** Generous on a busy 2-core machine; loopback acks normally take a millisecond. */
  static final Duration ACK_DEADLINE = Duration.ofSeconds(2);
  private static final int MAX_ROUNDS = 5_000;
  private static final Duration QUIET_CHECK = Duration.ofMillis(300);

  private final String alice = TestServer.user("healthy-alice");
  private final String bob = TestServer.user("healthy-bob");
  private final TestClient a;
  private final TestClient b;
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private final List<Long> ackMillis = new CopyOnWriteArrayList<>();
  private final Thread chatter;
  private volatile boolean running = true;

  HealthyPair(URI uri) throws Exception {
    this.a = TestClient.session(uri, alice);
    this.b = TestClient.session(uri, bob);
    this.chatter = new Thread(this::chat, "hostile-corpus-healthy-pair");
    chatter.setDaemon(true);
    chatter.start();
  }

  private void chat() {
    for (int round = 0; running && round < MAX_ROUNDS && problems.isEmpty(); round++) {
      boolean fromAlice = round % 2 == 0;
      TestClient sender = fromAlice ? a : b;
      TestClient recipient = fromAlice ? b : a;
      String id = "healthy-" + round;
      try {
        long start = System.nanoTime();
        sender.send(Messages.chatTo(fromAlice ? bob : alice, id, "round " + round));
        JsonNode ack = sender.awaitType("ack", ACK_DEADLINE);
        ackMillis.add((System.nanoTime() - start) / 1_000_000);
        if (!id.equals(ack.path("id").asText()) || ack.path("duplicate").asBoolean()) {
          problems.add("chat " + id + " got the ack " + ack);
        }
        JsonNode delivery = recipient.awaitType("chat", ACK_DEADLINE);
        if (!id.equals(delivery.path("id").asText()) || !(fromAlice ? alice : bob).equals(delivery.path("from").asText())
            || delivery.path("redelivered").asBoolean()) {
          problems.add("chat " + id + " arrived as " + delivery);
        }
        recipient.send(Messages.ack(delivery.path("seq").asLong()));
      } catch (Exception | AssertionError e) {
        problems.add("round " + round + " (chat " + id + "): " + e.getMessage());
      }
    }
  }

  /** Stops chatting; everything that went wrong, including anything but pongs seen on either connection. */
  List<String> stop() throws Exception {
    running = false;
    chatter.join(2 * ACK_DEADLINE.toMillis() + 1_000);
    for (TestClient c : List.of(a, b)) {
      try {
        c.expectNone(m -> "chat".equals(m.path("type").asText()), "a repeated delivery", QUIET_CHECK);
        c.expectOpenFor(Duration.ZERO);
      } catch (AssertionError e) {
        problems.add(e.getMessage());
      }
      for (TestClient.Event e : c.skipped()) {
        if (e.toString().contains("\"pong\"")) {
          continue;
        }
        problems.add("a healthy client saw " + e);
      }
    }
    if (ackMillis.isEmpty()) {
      problems.add("the healthy clients exchanged no chat at all");
    }
    return new ArrayList<>(problems);
  }

  int chats() {
    return ackMillis.size();
  }

  long maxAckMillis() {
    return ackMillis.stream().mapToLong(Long::longValue).max().orElse(0);
  }

  long medianAckMillis() {
    return ackMillis.isEmpty() ? 0 : ackMillis.stream().sorted().toList().get(ackMillis.size() / 2);
  }

  @Override
  public void close() {
    running = false;
    a.close();
    b.close();
  }
}
