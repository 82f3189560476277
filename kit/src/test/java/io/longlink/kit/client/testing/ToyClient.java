package io.longlink.kit.client.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A deliberately small Longlink client for the kit's own tests: heartbeat, dead-link detection,
 * backoff with jitter and an outbox. Its switches break one rule each, so that the tests can show
 * the kit failing a client with the rule that says why. Everything runs on one thread.
 */
final class ToyClient {

  /** The ways it can be broken. */
  record Faults(long fixedRetryMs, boolean ignoreSilence, boolean newIdsOnFlush) {}

  private static final Set<Integer> NO_RECONNECT = Set.of(4001, 4002, 4003, 4007);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** One HTTP client for every attempt: making one costs a thread and, on a busy machine, most of a backoff wait. */
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final ScheduledExecutorService loop;
  private final Faults faults;
  private final Consumer<ObjectNode> events;
  private final List<ObjectNode> outbox = new ArrayList<>();
  private URI url;
  private String token;
  private WebSocket socket;
  private boolean session;
  private boolean deliberate;
  private int attempt;
  private long lastReceived;
  private JsonNode params;
  private ScheduledFuture<?> timer;
  private int ids;

  ToyClient(ScheduledExecutorService loop, Faults faults, Consumer<ObjectNode> events) {
    this.loop = loop;
    this.faults = faults;
    this.events = events;
  }

  void connect(URI url, String token) {
    this.url = url;
    this.token = token;
    this.deliberate = false;
    this.attempt = 0;
    open(null);
  }

  String send(JsonNode to, String body) {
    ObjectNode chat = JSON.createObjectNode().put("type", "chat").put("id", "toy-" + (++ids));
    chat.set("to", to);
    chat.put("body", body);
    outbox.add(chat);
    if (session) {
      socket.sendText(chat.toString(), true);
    }
    return chat.get("id").asText();
  }

  /** Joins and leaves wait in the outbox with the chats, in the application's order (LL-RC-9). */
  String roomMessage(String type, String room) {
    ObjectNode message = JSON.createObjectNode().put("type", type).put("id", "toy-" + (++ids)).put("room", room);
    outbox.add(message);
    if (session) {
      socket.sendText(message.toString(), true);
    }
    return message.get("id").asText();
  }

  void close() {
    deliberate = true;
    if (socket != null) {
      socket.sendClose(1000, "closed by the application");
    }
  }

  private void open(Integer reconnectAttempt) {
    ObjectNode state = event("state").put("state", "connecting");
    if (reconnectAttempt != null) {
      state.put("attempt", reconnectAttempt);
    }
    events.accept(state);
    session = false;
    lastReceived = System.nanoTime();
    HTTP.newWebSocketBuilder().subprotocols("longlink.v1").buildAsync(url, new Listener())
        .whenComplete((ws, failure) -> loop.execute(() -> {
          if (failure != null) {
            ended(null, "the socket did not open");
          } else {
            socket = ws;
            ObjectNode auth = JSON.createObjectNode().put("type", "auth").put("token", token);
            auth.putObject("client").put("name", "longlink-kit-toy").put("version", "0");
            ws.sendText(auth.toString(), true);
          }
        }));
  }

  private void received(String text) {
    lastReceived = System.nanoTime();
    JsonNode message;
    try {
      message = JSON.readTree(text);
    } catch (Exception e) {
      return;
    }
    switch (message.path("type").asText()) {
      case "auth_ok" -> opened(message);
      case "ack" -> {
        outbox.removeIf(c -> c.get("id").asText().equals(message.path("id").asText()));
        events.accept(event("acked").put("id", message.path("id").asText()).put("seq", message.path("seq").asLong())
            .put("duplicate", message.path("duplicate").asBoolean()));
      }
      case "joined", "left" -> outbox.removeIf(c -> c.get("id").asText().equals(message.path("id").asText()));
      case "chat" -> {
        events.accept(event("delivered").put("id", message.path("id").asText()).put("seq", message.path("seq").asLong())
            .put("from", message.path("from").asText()).put("body", message.path("body").asText())
            .put("redelivered", message.path("redelivered").asBoolean()).set("to", message.path("to")));
        socket.sendText("{\"type\":\"ack\",\"seq\":" + message.path("seq").asLong() + "}", true);
      }
      default -> { }
    }
  }

  private void opened(JsonNode authOk) {
    params = authOk;
    session = true;
    attempt = 0;
    events.accept(event("state").put("state", "open").put("session_id", authOk.path("session_id").asText()));
    for (ObjectNode chat : outbox) {
      if (faults.newIdsOnFlush() && chat.path("type").asText().equals("chat")) {
        chat.put("id", "toy-" + (++ids));
      }
      socket.sendText(chat.toString(), true);
    }
    long interval = authOk.path("heartbeat").path("interval_ms").asLong();
    timer = loop.scheduleAtFixedRate(this::tick, 50, 50, TimeUnit.MILLISECONDS);
    nextPingAt = System.nanoTime() + interval * 750_000;
  }

  private long nextPingAt;

  /** Pings on a fixed period of 3/4 of the interval, and declares the link dead after the timeout. */
  private void tick() {
    if (!session) {
      return;
    }
    long now = System.nanoTime();
    if (now >= nextPingAt) {
      socket.sendText("{\"type\":\"ping\"}", true);
      nextPingAt = now + params.path("heartbeat").path("interval_ms").asLong() * 750_000;
    }
    long timeoutMs = params.path("heartbeat").path("timeout_ms").asLong();
    if (!faults.ignoreSilence() && (now - lastReceived) / 1_000_000 >= timeoutMs) {
      WebSocket dead = socket;
      dead.sendClose(4000, "no frame for " + timeoutMs + " ms");
      loop.schedule(dead::abort, 100, TimeUnit.MILLISECONDS);
      ended(4000, "no frame for " + timeoutMs + " ms");
    }
  }

  private void ended(Integer code, String reason) {
    if (timer != null) {
      timer.cancel(false);
    }
    session = false;
    socket = null;
    if (deliberate || (code != null && NO_RECONNECT.contains(code))) {
      ObjectNode closed = event("state").put("state", "closed").put("reason", reason);
      if (code != null) {
        closed.put("code", code);
      }
      events.accept(closed);
      return;
    }
    long delay = delay(attempt);
    int n = attempt++;
    events.accept(event("state").put("state", "reconnecting").put("attempt", n).put("delay_ms", delay));
    loop.schedule(() -> open(n), delay, TimeUnit.MILLISECONDS);
  }

  private long delay(int n) {
    if (faults.fixedRetryMs() > 0) {
      return faults.fixedRetryMs();
    }
    JsonNode r = params == null ? JSON.createObjectNode() : params.path("reconnect");
    double cap = Math.min(r.path("max_delay_ms").asDouble(30000), r.path("initial_delay_ms").asDouble(1000)
        * Math.pow(r.path("multiplier").asDouble(2.0), n));
    double jitter = r.path("jitter").asDouble(0.5);
    return (long) (cap * (1 - jitter) + ThreadLocalRandom.current().nextDouble() * cap * jitter);
  }

  private static ObjectNode event(String type) {
    return JSON.createObjectNode().put("type", type);
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();
    private WebSocket ws;

    @Override
    public void onOpen(WebSocket webSocket) {
      ws = webSocket;
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        String frame = text.toString();
        text.setLength(0);
        loop.execute(() -> {
          if (socket == webSocket) {
            received(frame);
          }
        });
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int code, String reason) {
      loop.execute(() -> {
        if (socket == webSocket) {
          ended(code, reason);
        }
      });
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      loop.execute(() -> {
        if (socket == webSocket) {
          ended(1006, "abnormal close: " + error);
        }
      });
    }
  }
}
