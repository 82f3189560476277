package io.longlink.client.driver.it;

import static io.longlink.client.driver.it.DriverProcess.state;
import static io.longlink.client.driver.it.DriverProcess.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.longlink.client.ClientBuilder;
import io.longlink.client.it.ServerFixture;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The driver through its standard input and output, against the in-process reference server:
 * the flows of DRIVER.md §8, a restart with stored state, bad commands, the end of the driver.
 * Every line the driver writes is validated against event.json (DriverProcess). This class runs
 * the driver as a child process; {@link InProcessDriverIT} runs the same flows in this JVM.
 */
class DriverIT {

  private static final long WAIT_MS = 10_000;
  private static ServerFixture server;

  @BeforeAll
  static void startServer() throws Exception {
    server = ServerFixture.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private static String connect(String user) {
    return "{\"type\": \"connect\", \"url\": \"" + server.uri() + "\", \"token\": \"" + ServerFixture.token(user) + "\"}";
  }

  private static String chat(String id, String to, String body) {
    return "{\"type\": \"send\", " + (id == null ? "" : "\"id\": \"" + id + "\", ") + "\"to\": {\"kind\": \"user\", \"id\": \""
        + to + "\"}, \"body\": \"" + body + "\"}";
  }

  /** A fresh driver, as this class runs it. */
  DriverProcess start() throws Exception {
    return DriverProcess.start();
  }

  private DriverProcess open(String user) throws Exception {
    DriverProcess d = start();
    JsonNode ready = d.next("ready", e -> true, WAIT_MS);
    assertEquals("ready", ready.path("type").asText(), "the first line is ready");
    String cid = d.send(connect(user));
    assertEquals("done", d.result(cid).path("type").asText());
    d.next("state connecting", state("connecting"), WAIT_MS);
    d.next("state open", state("open"), WAIT_MS);
    return d;
  }

  @Test
  void readyNamesTheClientAndItsFeatures() throws Exception {
    try (DriverProcess d = start()) {
      JsonNode ready = d.next("ready", e -> true, WAIT_MS);
      assertEquals("ready", ready.path("type").asText());
      assertEquals(1, ready.path("contract").asInt());
      assertEquals(ClientBuilder.LIBRARY_NAME, ready.path("client").path("name").asText());
      List<String> supports = d.supports(ready);
      assertEquals(List.of("choose_id", "stored_state", "manual_ack", "signing", "network", "app"), supports);
    }
  }

  @Test
  void aChatIsAckedAndDeliveredAndTheDeliveryProcessed() throws Exception {
    String alice = ServerFixture.user("alice");
    String bob = ServerFixture.user("bob");
    try (DriverProcess a = open(alice); DriverProcess b = open(bob)) {
      String cid = a.send(chat(null, bob, "see you at 6"));
      JsonNode done = a.result(cid);
      assertEquals("done", done.path("type").asText());
      String id = done.path("id").asText();
      assertFalse(id.isEmpty(), "done of a send carries the id the library chose");
      JsonNode acked = a.next("acked", type("acked"), WAIT_MS);
      assertEquals(cid, acked.path("cid").asText());
      assertEquals(id, acked.path("id").asText());
      JsonNode delivered = b.next("delivered", type("delivered"), WAIT_MS);
      assertEquals(id, delivered.path("id").asText());
      assertEquals(alice, delivered.path("from").asText());
      JsonNode processed = b.next("processed", type("processed"), WAIT_MS);
      assertEquals(delivered.path("seq").asLong(), processed.path("seq").asLong());
    }
  }

  @Test
  void manualAcksProcessWhenTheKitSays() throws Exception {
    String alice = ServerFixture.user("alice");
    String bob = ServerFixture.user("bob");
    try (DriverProcess a = open(alice); DriverProcess b = open(bob)) {
      assertEquals("done", b.result(b.send("{\"type\": \"ack_policy\", \"mode\": \"manual\"}")).path("type").asText());
      a.send(chat("m-manual", bob, "hold it"));
      JsonNode delivered = b.next("delivered", type("delivered"), WAIT_MS);
      b.expectNone("processed before the ack command", type("processed"), 300);
      String cid = b.send("{\"type\": \"ack\", \"seq\": " + delivered.path("seq").asLong() + "}");
      JsonNode processed = b.next("processed", type("processed"), WAIT_MS);
      assertEquals("m-manual", processed.path("id").asText());
      assertEquals("done", b.result(cid).path("type").asText());
    }
  }

  @Test
  void aDeliberateCloseIsFinal() throws Exception {
    try (DriverProcess d = open(ServerFixture.user("carol"))) {
      String cid = d.send("{\"type\": \"close\"}");
      assertEquals("done", d.result(cid).path("type").asText());
      JsonNode closed = d.next("state closed", state("closed"), WAIT_MS);
      assertEquals(1000, closed.path("code").asInt());
      d.expectNone("a reconnect after a deliberate close", e -> state("connecting").test(e) || state("reconnecting").test(e),
          1_500);
    }
  }

  @Test
  void shutdownAndTheEndOfStdinExitWithin5Seconds() throws Exception {
    try (DriverProcess d = open(ServerFixture.user("dave"))) {
      String cid = d.send("{\"type\": \"shutdown\"}");
      assertEquals("done", d.result(cid).path("type").asText());
      assertTrue(d.exitsWithin(5_000), "exits within 5 s of shutdown");
      assertEquals(0, d.exitCode());
    }
    try (DriverProcess d = open(ServerFixture.user("erin"))) {
      d.endInput();
      assertTrue(d.exitsWithin(5_000), "exits within 5 s of the end of stdin");
    }
  }

  @Test
  void badCommandsGetAnErrorWithTheirCid() throws Exception {
    try (DriverProcess d = start()) {
      d.next("ready", type("ready"), WAIT_MS);
      assertError(d, d.send(chat(null, "bob", "too early")), "bad_command");
      assertError(d, d.send("{\"type\": \"dance\"}"), "bad_command");
      assertError(d, d.send("{\"type\": \"network\", \"online\": \"yes\"}"), "bad_command");
      assertError(d, d.send("{\"type\": \"ack\", \"seq\": 42}"), "bad_command");
      assertError(d, d.send("{\"type\": \"connect\", \"url\": \"ws://longlink.invalid:1/ws\", \"token\": \"t0123456789\"}"),
          "insecure_url");
      d.expectNone("connecting for a refused URL", state("connecting"), 300);
    }
  }

  @Test
  void aRestartedClientSendsItsStoredOutboxWithTheOriginalIdsAndNothingIsDoubled() throws Exception {
    String alice = ServerFixture.user("alice");
    String bob = ServerFixture.user("bob");
    try (DriverProcess b = open(bob)) {
      try (DriverProcess a = open(alice)) {
        a.send(chat("m-restart", bob, "before the restart"));
        a.next("acked", type("acked"), WAIT_MS);
        a.send("{\"type\": \"shutdown\"}");
        assertTrue(a.exitsWithin(5_000));
      }
      JsonNode first = b.next("delivered", type("delivered"), WAIT_MS);
      assertEquals("m-restart", first.path("id").asText());
      // As if the ack had been lost before the app stopped: the chat is still in the stored outbox.
      long sentAt = System.currentTimeMillis() - 1_000;
      try (DriverProcess a = start()) {
        a.next("ready", type("ready"), WAIT_MS);
        a.send("{\"type\": \"connect\", \"url\": \"" + server.uri() + "\", \"token\": \"" + ServerFixture.token(alice)
            + "\", \"state\": {\"last_seq\": 0, \"outbox\": [{\"id\": \"m-restart\", \"to\": {\"kind\": \"user\", \"id\": \""
            + bob + "\"}, \"body\": \"before the restart\", \"first_sent_ms\": " + sentAt + "}, {\"id\": \"m-never-sent\", "
            + "\"to\": {\"kind\": \"user\", \"id\": \"" + bob + "\"}, \"body\": \"queued before the restart\"}]}}");
        JsonNode again = a.next("acked m-restart", e -> type("acked").test(e) && e.path("id").asText().equals("m-restart"), WAIT_MS);
        assertTrue(again.path("duplicate").asBoolean(), "the server knew the original id: " + again);
        a.next("acked m-never-sent", e -> type("acked").test(e) && e.path("id").asText().equals("m-never-sent"), WAIT_MS);
      }
      JsonNode second = b.next("delivered", type("delivered"), WAIT_MS);
      assertEquals("m-never-sent", second.path("id").asText(), "m-restart is not delivered twice");
      b.expectNone("a second copy of m-restart", e -> type("delivered").test(e), 1_000);
    }
  }

  /**
   * The end of a driver is the end of its client, as when an app is killed: its socket drops
   * without a close frame and nothing connects again.
   */
  @Test
  void theEndOfTheDriverDropsItsSocketWithoutACloseFrameAndNothingFollows() throws Exception {
    try (SilentUpgradeServer silent = new SilentUpgradeServer()) {
      DriverProcess d = start();
      Socket socket;
      try {
        d.next("ready", type("ready"), WAIT_MS);
        d.send("{\"type\": \"connect\", \"url\": \"" + silent.uri() + "\", \"token\": \"t0123456789\"}");
        socket = silent.acceptUpgraded((int) WAIT_MS);
        assertEquals(1, SilentUpgradeServer.nextOpcode(socket), "the client's first frame is its auth, a text frame");
      } finally {
        d.close();
      }
      try (socket) {
        List<Integer> after = SilentUpgradeServer.opcodesUntilTheEnd(socket);
        assertFalse(after.contains(8), "frames after the end of the driver: " + after + " (8 is a close frame)");
      }
      assertFalse(silent.connectionWithin(1_500), "the ended client connected again");
    }
  }

  private static void assertError(DriverProcess d, String cid, String code) throws InterruptedException {
    JsonNode r = d.result(cid);
    assertEquals("error", r.path("type").asText(), "command " + cid + ": " + r);
    assertEquals(code, r.path("code").asText(), "command " + cid + ": " + r);
  }
}
