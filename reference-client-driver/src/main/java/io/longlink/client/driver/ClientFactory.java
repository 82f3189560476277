package io.longlink.client.driver;

import com.fasterxml.jackson.databind.JsonNode;
import io.longlink.client.ClientBuilder;
import io.longlink.client.ClientObserver;
import io.longlink.client.LonglinkClient;
import io.longlink.client.driver.fault.Fault;
import io.longlink.client.driver.fault.FaultContext;
import io.longlink.client.driver.fault.Violation;
import io.longlink.client.reconnect.Backoff;
import io.longlink.client.reconnect.BackoffPolicy;
import io.longlink.client.store.ClientStore;
import io.longlink.client.store.ResumeState;
import io.longlink.client.store.StoredChat;
import io.longlink.client.time.ClientScheduler;
import io.longlink.client.transport.JdkTransport;
import io.longlink.client.transport.Transport;
import io.longlink.codec.MessageCodec;
import io.longlink.model.Ping;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Builds the reference client for a {@code connect}, from real parts or, with switches, decorated ones. */
final class ClientFactory {

  /** A built client, what its application's close does, and what the platform's "network or app back" does. */
  record Built(LonglinkClient client, Runnable close, Runnable platformBack) {}

  private final List<Violation> violations;
  private final ClientScheduler scheduler;
  private final ClientObserver observer;
  private final Processing processing;
  private final LinkReaper links;

  ClientFactory(List<Violation> violations, ClientScheduler scheduler, ClientObserver observer, Processing processing,
      LinkReaper links) {
    this.violations = List.copyOf(violations);
    this.scheduler = scheduler;
    this.observer = observer;
    this.processing = processing;
    this.links = links;
  }

  /**
   * Loads and compiles what the first client needs (the codec's schemas, the HTTP client), so that
   * the first {@code connect} is answered well within DRIVER.md's 1000 ms on a cold JVM.
   */
  static void warmUp() {
    MessageCodec codec = MessageCodec.create();
    codec.decodeServerMessage("{\"type\": \"pong\", \"ts\": 0}");
    codec.encode(new Ping("p-0"));
    HttpClient.newBuilder().build();
  }

  /** Throws {@link io.longlink.client.ClientConfigException} when the library refuses the configuration. */
  Built build(URI uri, String token, byte[] signingKey, ClientStore store) {
    List<Fault> faults = new ArrayList<>();
    for (Violation v : violations) {
      faults.add(v.fault(new FaultContext(token, signingKey != null, scheduler)));
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    URI configured = uri;
    BackoffPolicy backoff = new Backoff(RandomGenerator.getDefault());
    ClientObserver seen = observer;
    for (Fault f : faults) {
      http = f.http(http);
      configured = f.uri(configured);
      backoff = f.backoff(backoff);
      seen = f.observer(seen, processing);
    }
    Transport transport = links.track(new JdkTransport(http));
    for (Fault f : faults) {
      transport = f.transport(transport);
    }
    ClientBuilder builder = LonglinkClient.builder(configured).token(token).asyncDeliveryHandler(processing)
        .observer(seen).store(store).scheduler(scheduler).transport(transport).backoff(backoff);
    if (signingKey != null) {
      builder.signingKey(signingKey);
    }
    LonglinkClient client = builder.build();
    Runnable close = client::close;
    Runnable back = client::wake;
    for (Fault f : faults) {
      close = f.deliberateClose(close);
      back = f.platformBack(back);
    }
    return new Built(client, close, back);
  }

  /** Puts a {@code connect}'s stored state (DRIVER.md §4) in {@code store}, as a persisting client would have left it. */
  static void restore(JsonNode state, ClientStore store) {
    JsonNode epoch = state.path("epoch");
    store.putResume(new ResumeState(state.path("last_seq").asLong(0), epoch.isMissingNode() || epoch.isNull() ? null : epoch.asText()));
    for (JsonNode chat : state.path("outbox")) {
      store.putChat(new StoredChat(chat.path("id").asText(), chat.path("to").path("kind").asText(),
          chat.path("to").path("id").asText(), chat.path("body").asText(), chat.path("first_sent_ms").asLong(0)));
    }
  }
}
