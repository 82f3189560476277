package io.longlink.client.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.longlink.client.ClientConfigException;
import io.longlink.client.LonglinkClient;
import io.longlink.client.SendFailedException;
import io.longlink.client.store.MemoryClientStore;
import io.longlink.model.RecipientKind;
import io.longlink.signing.ChatSignature;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Carries out the commands of DRIVER.md §4, one at a time, in the order they arrive. Every
 * command gets its {@code done} or {@code error} before the next is read: the library's calls
 * return at once and the network work happens on its own thread.
 */
final class Driver {

  private static final Pattern CID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private final EventWriter events;
  private final ClientFactory factory;
  private final Processing processing;
  private final Map<String, String> cids;
  /** What a persisting application keeps for the whole process: every client of the process shares it. */
  private final MemoryClientStore store = new MemoryClientStore();
  private ClientFactory.Built current;
  private URI currentUri;
  private boolean closeAsked;

  Driver(EventWriter events, ClientFactory factory, Processing processing, Map<String, String> cids) {
    this.events = events;
    this.factory = factory;
    this.processing = processing;
    this.cids = cids;
  }

  /** Carries out one line; false when it was {@code shutdown}. */
  boolean handle(String line) {
    JsonNode command;
    try {
      command = EventWriter.JSON.readTree(line);
    } catch (Exception e) {
      events.log("error", "ignored a line that is not JSON: " + e.getMessage());
      return true;
    }
    String cid = command.path("cid").asText("");
    if (!command.isObject() || !CID.matcher(cid).matches()) {
      events.log("error", "ignored a command without a valid cid (1-64 characters from A-Z a-z 0-9 . _ : -): " + line);
      return true;
    }
    String type = command.path("type").asText("");
    try {
      switch (type) {
        case "connect" -> connect(cid, command);
        case "send" -> send(cid, command);
        case "join", "leave" -> room(cid, type, command);
        case "ack_policy" -> ackPolicy(cid, command);
        case "ack" -> ack(cid, command);
        case "close" -> close(cid);
        case "network", "app" -> platform(cid, type, command);
        case "shutdown" -> {
          events.done(cid);
          return false;
        }
        default -> events.error(cid, "bad_command", "unknown command type \"" + type + "\"; DRIVER.md §4 lists "
            + "connect, send, join, leave, ack_policy, ack, close, network, app, shutdown");
      }
    } catch (BadCommand e) {
      events.error(cid, "bad_command", e.getMessage());
    } catch (RuntimeException e) {
      events.error(cid, "bad_command", type + " failed: " + e.getMessage());
    }
    return true;
  }

  private void connect(String cid, JsonNode c) {
    URI uri = URI.create(required(c, "url"));
    String token = required(c, "token");
    byte[] key = c.hasNonNull("signing_key") ? decodeKey(c.get("signing_key").asText()) : null;
    if (current != null && !closeAsked && uri.equals(currentUri)) {
      // The application's next try on the same server: new credentials end a refusal (LL-RC-6).
      current.client().updateToken(token);
      events.done(cid);
      return;
    }
    if (current != null && !closeAsked) {
      current.close().run();
    }
    if (c.has("state")) {
      if (current != null) {
        throw new BadCommand("state: a stored state is for a restarted client, given in the first connect only");
      }
      ClientFactory.restore(c.get("state"), store);
    }
    ClientFactory.Built built;
    try {
      built = factory.build(uri, token, key, store);
    } catch (ClientConfigException e) {
      boolean insecure = "uri".equals(e.parameter()) && e.getMessage().contains("loopback");
      events.error(cid, insecure ? "insecure_url" : "bad_command", e.getMessage());
      return;
    }
    current = built;
    currentUri = uri;
    closeAsked = false;
    events.done(cid);
    built.client().connect();
  }

  /** The platform reports the network or the app back, or gone; only "back" concerns this client (LL-RC-10). */
  private void platform(String cid, String type, JsonNode c) {
    boolean back;
    if (type.equals("network")) {
      if (!c.path("online").isBoolean()) {
        throw new BadCommand("online: give true or false");
      }
      back = c.get("online").asBoolean();
    } else {
      String state = c.path("state").asText("");
      if (!state.equals("background") && !state.equals("foreground")) {
        throw new BadCommand("state: give background or foreground, not \"" + state + "\"");
      }
      back = state.equals("foreground");
    }
    events.done(cid);
    if (back && current != null) {
      current.platformBack().run();
    }
  }

  private void send(String cid, JsonNode c) {
    LonglinkClient client = client();
    String id = c.hasNonNull("id") ? c.get("id").asText() : LonglinkClient.newId();
    JsonNode to = c.path("to");
    RecipientKind kind;
    try {
      kind = RecipientKind.fromValue(to.path("kind").asText());
    } catch (IllegalArgumentException e) {
      throw new BadCommand("to.kind: \"" + to.path("kind").asText() + "\" is not user or room");
    }
    cids.put(id, cid);
    CompletableFuture<?> result;
    try {
      result = client.send(id, kind, required(to, "id"), required(c, "body"));
    } catch (IllegalArgumentException e) {
      cids.remove(id);
      throw new BadCommand(e.getMessage());
    }
    events.done(cid, id);
    result.whenComplete((ack, failure) -> reportUnexpected(cid, "send", failure));
  }

  private void room(String cid, String type, JsonNode c) {
    LonglinkClient client = client();
    String id = c.hasNonNull("id") ? c.get("id").asText() : LonglinkClient.newId();
    String room = required(c, "room");
    cids.put(id, cid);
    CompletableFuture<String> result;
    try {
      result = type.equals("join") ? client.join(id, room) : client.leave(id, room);
    } catch (IllegalArgumentException e) {
      cids.remove(id);
      throw new BadCommand(e.getMessage());
    }
    events.done(cid, id);
    result.whenComplete((answered, failure) -> {
      if (failure == null) {
        events.write(EventWriter.event(type.equals("join") ? "joined" : "left").put("cid", cid).put("id", id)
            .put("room", answered));
      } else {
        reportUnexpected(cid, type, failure);
      }
    });
  }

  /** Settled failures are reported by the observer; anything else the library says goes out as an error. */
  private void reportUnexpected(String cid, String what, Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (cause == null) {
      return;
    }
    if (cause instanceof SendFailedException sent) {
      if (SendFailedException.CLIENT_CLOSED.equals(sent.code())) {
        events.log("info", what + " " + cid + " unanswered at the close; a chat stays in the store for the next client");
      }
      return;
    }
    // No cid: the command already has its done, and a second result for it would break the contract (DRIVER.md §7).
    events.error(null, "client_error", what + " " + cid + " failed: " + cause.getMessage());
  }

  private void ackPolicy(String cid, JsonNode c) {
    switch (required(c, "mode")) {
      case "auto" -> processing.auto(c.path("delay_ms").asLong(0));
      case "manual" -> processing.manual();
      default -> throw new BadCommand("mode: \"" + c.get("mode").asText() + "\" is not auto or manual");
    }
    events.done(cid);
  }

  private void ack(String cid, JsonNode c) {
    if (!c.path("seq").canConvertToExactIntegral()) {
      throw new BadCommand("seq: an ack names the seq of a delivery, an integer");
    }
    long seq = c.get("seq").asLong();
    if (!processing.ack(seq)) {
      throw new BadCommand("seq: no delivery of seq " + seq + " waits for processing; under ack_policy manual "
          + "an ack names a delivery reported delivered and not yet processed");
    }
    events.done(cid);
  }

  private void close(String cid) {
    if (current != null && !closeAsked) {
      closeAsked = true;
      current.close().run();
    }
    events.done(cid);
  }

  private LonglinkClient client() {
    if (current == null) {
      throw new BadCommand("no client yet: send connect first");
    }
    return current.client();
  }

  private static String required(JsonNode c, String member) {
    JsonNode v = c.path(member);
    if (!v.isTextual() || v.asText().isEmpty()) {
      throw new BadCommand(member + ": missing or not a non-empty string");
    }
    return v.asText();
  }

  private static byte[] decodeKey(String text) {
    try {
      return ChatSignature.decodeKey(text);
    } catch (IllegalArgumentException e) {
      throw new BadCommand("signing_key: " + e.getMessage() + "; give 32 bytes in base64url without padding (43 characters)");
    }
  }

  /** A command that cannot be carried out as given. */
  private static final class BadCommand extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadCommand(String message) {
      super(message);
    }
  }

  static ObjectNode ready(String name, String version) {
    ObjectNode ready = EventWriter.event("ready").put("contract", 1);
    ready.putObject("client").put("name", name).put("version", version);
    ready.putArray("supports").add("choose_id").add("stored_state").add("manual_ack").add("signing").add("network")
        .add("app");
    return ready;
  }
}
