package io.longlink.client.it;

import io.longlink.client.ClientObserver;
import io.longlink.client.ConnectionState;
import io.longlink.client.Delivery;
import io.longlink.client.DeliveryHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Records what a real client does, and waits for it with deadlines instead of sleeping. */
final class Recorder implements ClientObserver, DeliveryHandler {

  private final List<ConnectionState> states = new ArrayList<>();
  private final List<Delivery> deliveries = new ArrayList<>();
  private final List<Long> deadAfter = new ArrayList<>();

  @Override
  public synchronized void stateChanged(ConnectionState state) {
    states.add(state);
    notifyAll();
  }

  @Override
  public synchronized void linkDead(long silentMs) {
    deadAfter.add(silentMs);
    notifyAll();
  }

  @Override
  public synchronized void process(Delivery delivery) {
    deliveries.add(delivery);
    notifyAll();
  }

  synchronized List<Delivery> deliveries() {
    return new ArrayList<>(deliveries);
  }

  synchronized List<ConnectionState> states() {
    return new ArrayList<>(states);
  }

  synchronized List<Long> deadAfter() {
    return new ArrayList<>(deadAfter);
  }

  /** Waits until the n-th state matching {@code what} (counting all so far) has been reported. */
  ConnectionState awaitState(Class<? extends ConnectionState> type, int nth, long timeoutMs) throws InterruptedException {
    return await(() -> states.stream().filter(type::isInstance).skip(nth - 1).findFirst().orElse(null), timeoutMs,
        () -> "state #" + nth + " of type " + type.getSimpleName() + "; states so far " + states);
  }

  /** Waits until the deliveries match {@code done}. */
  List<Delivery> awaitDeliveries(Predicate<List<Delivery>> done, String what, long timeoutMs) throws InterruptedException {
    return await(() -> done.test(deliveries) ? new ArrayList<>(deliveries) : null, timeoutMs,
        () -> what + "; deliveries so far " + deliveries.stream().map(Delivery::id).toList());
  }

  private synchronized <T> T await(java.util.function.Supplier<T> probe, long timeoutMs,
      java.util.function.Supplier<String> expected) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000;
    while (true) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        throw new AssertionError("expected " + expected.get() + " within " + timeoutMs + " ms, saw nothing more");
      }
      wait(left);
    }
  }
}
