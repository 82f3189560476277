package io.longlink.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longlink.client.store.ClientStore;
import io.longlink.client.store.MemoryClientStore;
import io.longlink.client.time.FakeScheduler;
import io.longlink.client.transport.FakeLink;
import io.longlink.client.transport.FakeTransport;
import io.longlink.codec.MessageCodec;
import io.longlink.model.AuthOk;
import io.longlink.model.DeliveryPolicy;
import io.longlink.model.HeartbeatPolicy;
import io.longlink.model.Limits;
import io.longlink.model.ReconnectPolicy;
import io.longlink.model.ServerMessage;
import io.longlink.model.SigningAlgorithm;
import io.longlink.model.SigningPolicy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A client on a fake scheduler and a fake transport, with a recording observer: unit tests play
 * the server frame by frame and move time by hand.
 */
public final class Harness {

  public static final long START = 1_763_769_600_000L;
  public static final MessageCodec CODEC = MessageCodec.create();
  private static final ObjectMapper JSON = MessageCodec.newMapper();

  public final FakeScheduler scheduler = new FakeScheduler(START);
  public final FakeTransport transport = new FakeTransport();
  public final List<ConnectionState> states = new ArrayList<>();
  public final List<Delivery> handled = new ArrayList<>();
  public final List<String> events = new ArrayList<>();
  public final ClientStore store;
  public final LonglinkClient client;

  public Harness() {
    this(new MemoryClientStore(), b -> { }, d -> { });
  }

  public Harness(ClientStore store, Consumer<ClientBuilder> customise, DeliveryHandler handler) {
    this.store = store;
    ClientBuilder builder = LonglinkClient.builder(URI.create("ws://127.0.0.1:1/ws")).token("token-alice")
        .scheduler(scheduler).transport(transport).random(new Random(42)).store(store)
        .deliveryHandler(d -> {
          handler.process(d);
          handled.add(d);
        })
        .observer(new ClientObserver() {
          @Override
          public void stateChanged(ConnectionState state) {
            states.add(state);
          }

          @Override
          public void configurationError(ClientConfigException problem) {
            events.add("configuration error: " + problem.getMessage());
          }
        });
    customise.accept(builder);
    this.client = builder.build();
  }

  /** The history epoch every auth_ok of these tests advertises. */
  public static final String EPOCH = "e-test-1";

  /** An auth_ok with the §6 defaults, {@code alice} as the user. */
  public static AuthOk authOk() {
    return authOk(25_000, 60_000, 1_000, 2.0, 30_000, 0.5, 20, 1_000, 600_000, false);
  }

  public static AuthOk authOk(long interval, long timeout, long initial, double multiplier, long maxDelay, double jitter,
      long rate, long window, long dedup, boolean signing) {
    return new AuthOk("s-" + Long.toHexString(System.nanoTime()), "alice", START, new HeartbeatPolicy(interval, timeout),
        new ReconnectPolicy(initial, multiplier, maxDelay, jitter), new Limits(65_536L, rate, window, 5L, 10_000L),
        new DeliveryPolicy(10_000L, 10_000L, 16_777_216L), dedup, signing ? new SigningPolicy(SigningAlgorithm.HMAC_SHA256, 30_000L) : null,
        EPOCH);
  }

  /** Connects and runs the first attempt: the link exists, not yet opened. */
  public FakeLink connect() {
    client.connect();
    scheduler.runDue();
    return transport.last();
  }

  /** Opens {@code link} and answers its auth with {@code authOk}. */
  public void openAndAuth(FakeLink link, AuthOk authOk) {
    link.open();
    scheduler.runDue();
    receive(link, authOk);
  }

  public void receive(FakeLink link, ServerMessage message) {
    link.receive(CODEC.encode(message));
    scheduler.runDue();
  }

  public void end(FakeLink link, int code) {
    link.end(code, "test");
    scheduler.runDue();
  }

  /** The frames {@code link} carried, as JSON trees. */
  public static List<JsonNode> frames(FakeLink link) {
    List<JsonNode> frames = new ArrayList<>();
    for (String text : link.sent()) {
      try {
        frames.add(JSON.readTree(text));
      } catch (Exception e) {
        throw new AssertionError("the client sent a frame that is not JSON: " + text, e);
      }
    }
    return frames;
  }

  /** The {@code type} of every frame {@code link} carried. */
  public static List<String> types(FakeLink link) {
    return frames(link).stream().map(f -> f.get("type").asText()).toList();
  }

  /** The frames of {@code type} on {@code link}. */
  public static List<JsonNode> framesOf(FakeLink link, String type) {
    return frames(link).stream().filter(f -> f.get("type").asText().equals(type)).toList();
  }

  public ConnectionState lastState() {
    return states.get(states.size() - 1);
  }
}
