package io.longlink.client.driver.fault;

import com.fasterxml.jackson.databind.JsonNode;
import io.longlink.client.AsyncDeliveryHandler;
import io.longlink.client.ClientObserver;
import io.longlink.client.ConnectionState;
import io.longlink.client.Delivery;
import io.longlink.client.Harness;
import io.longlink.client.LonglinkClient;
import io.longlink.client.reconnect.Backoff;
import io.longlink.client.store.MemoryClientStore;
import io.longlink.client.time.FakeScheduler;
import io.longlink.client.transport.FakeLink;
import io.longlink.client.transport.FakeTransport;
import io.longlink.model.AuthOk;
import io.longlink.model.ChatDelivery;
import io.longlink.model.Recipient;
import io.longlink.model.RecipientKind;
import io.longlink.model.ServerMessage;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * The reference client built with one fault, on a fake clock and a fake wire: the test plays the
 * server frame by frame and reads what reached the wire.
 */
final class FaultHarness {

  static final String TOKEN = "token-alice-0123456789";

  final FakeScheduler scheduler = new FakeScheduler(Harness.START);
  final FakeTransport wire = new FakeTransport();
  final List<ConnectionState> states = new ArrayList<>();
  final List<String> handedOver = new ArrayList<>();
  final List<String> failed = new ArrayList<>();
  final LonglinkClient client;
  final Runnable close;

  FaultHarness(Violation violation) {
    this(violation, null, "ws://127.0.0.1:1/ws");
  }

  FaultHarness(Violation violation, byte[] signingKey, String uri) {
    Fault fault = violation == null ? new Fault() { } : violation.fault(new FaultContext(TOKEN, signingKey != null, scheduler));
    // A delivery whose id starts with "hold" is handed over and never finished processing.
    AsyncDeliveryHandler app = d -> {
      handedOver.add(d.from() + "/" + d.id());
      return d.id().startsWith("hold") ? new CompletableFuture<>() : CompletableFuture.completedFuture(null);
    };
    ClientObserver recorder = new ClientObserver() {
      @Override
      public void stateChanged(ConnectionState state) {
        states.add(state);
      }

      @Override
      public void sendFailed(io.longlink.client.SendFailedException failure) {
        failed.add(failure.id() + ":" + failure.code());
      }
    };
    var builder = LonglinkClient.builder(fault.uri(URI.create(uri))).token(TOKEN).store(new MemoryClientStore())
        .scheduler(scheduler).transport(fault.transport(wire)).backoff(fault.backoff(new Backoff(new Random(42))))
        .asyncDeliveryHandler(app).observer(fault.observer(recorder, app));
    if (signingKey != null) {
      builder.signingKey(signingKey);
    }
    client = builder.build();
    close = fault.deliberateClose(client::close);
  }

  /** Connects and opens the first link, answering its auth with {@code authOk}. */
  FakeLink session(AuthOk authOk) {
    client.connect();
    scheduler.runDue();
    FakeLink link = wire.last();
    open(link, authOk);
    return link;
  }

  void open(FakeLink link, AuthOk authOk) {
    link.open();
    scheduler.runDue();
    receive(link, authOk);
  }

  void receive(FakeLink link, ServerMessage message) {
    link.receive(Harness.CODEC.encode(message));
    scheduler.runDue();
  }

  void end(FakeLink link, int code) {
    link.end(code, "test");
    scheduler.runDue();
  }

  /** Lets the scheduled reconnect happen; returns the new link. */
  FakeLink reconnect() {
    scheduler.advance(((ConnectionState.Reconnecting) lastState()).delayMs());
    return wire.last();
  }

  ConnectionState lastState() {
    return states.get(states.size() - 1);
  }

  static ChatDelivery delivery(String from, String id, long seq, boolean redelivered) {
    return new ChatDelivery(id, seq, from, new Recipient(RecipientKind.USER, "alice"), "hi", Harness.START, redelivered);
  }

  static List<String> types(FakeLink link) {
    return Harness.types(link);
  }

  static List<JsonNode> framesOf(FakeLink link, String type) {
    return Harness.framesOf(link, type);
  }
}
