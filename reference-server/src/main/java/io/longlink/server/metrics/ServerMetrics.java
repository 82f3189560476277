package io.longlink.server.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/** Counters an operator reads on /metrics; cheap enough to bump on every frame. */
public final class ServerMetrics {

  private final LongAdder connectionsOpened = new LongAdder();
  private final AtomicLong connectionsOpen = new AtomicLong();
  private final LongAdder sessionsStarted = new LongAdder();
  private final LongAdder framesIn = new LongAdder();
  private final LongAdder chatsAccepted = new LongAdder();
  private final LongAdder duplicates = new LongAdder();
  private final LongAdder deliveriesSent = new LongAdder();
  private final LongAdder redeliveries = new LongAdder();
  private final LongAdder deliveryAcks = new LongAdder();
  private final LongAdder slowConsumers = new LongAdder();
  private final LongAdder upgradeTimeouts = new LongAdder();
  private final Map<String, LongAdder> unauthenticatedRefused = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> errorsByCode = new ConcurrentHashMap<>();
  private final Map<Integer, LongAdder> closesByCode = new ConcurrentHashMap<>();
  private volatile LongSupplier pendingDeliveries = () -> 0;
  private volatile LongSupplier dedupEntries = () -> 0;
  private volatile LongSupplier unauthenticated = () -> 0;

  public void connectionOpened() {
    connectionsOpened.increment();
    connectionsOpen.incrementAndGet();
  }

  public void connectionClosed(int code) {
    connectionsOpen.decrementAndGet();
    closesByCode.computeIfAbsent(code, c -> new LongAdder()).increment();
  }

  public void sessionStarted() {
    sessionsStarted.increment();
  }

  public void frameIn() {
    framesIn.increment();
  }

  public void chatAccepted() {
    chatsAccepted.increment();
  }

  public void duplicate() {
    duplicates.increment();
  }

  public void deliverySent(boolean redelivered) {
    deliveriesSent.increment();
    if (redelivered) {
      redeliveries.increment();
    }
  }

  public void deliveryAcked() {
    deliveryAcks.increment();
  }

  public void slowConsumer() {
    slowConsumers.increment();
  }

  /** Connections closed because they stopped reading (4010). */
  public long slowConsumers() {
    return slowConsumers.sum();
  }

  /** A connection was closed for not completing the WebSocket upgrade in time (LL-LIM-9). */
  public void upgradeTimedOut() {
    upgradeTimeouts.increment();
  }

  public long upgradeTimeouts() {
    return upgradeTimeouts.sum();
  }

  /** A connection was closed at accept, over the bound named {@code bound} on connections without a session (LL-LIM-10). */
  public void unauthenticatedRefused(String bound) {
    unauthenticatedRefused.computeIfAbsent(bound, b -> new LongAdder()).increment();
  }

  public long unauthenticatedRefusals(String bound) {
    LongAdder counter = unauthenticatedRefused.get(bound);
    return counter == null ? 0 : counter.sum();
  }

  /** The gauge of connections without a session, read when metrics are rendered. */
  public void unauthenticatedGauge(LongSupplier count) {
    this.unauthenticated = count;
  }

  public void errorSent(String code) {
    errorsByCode.computeIfAbsent(code, c -> new LongAdder()).increment();
  }

  /** Gauges read from the stores when metrics are rendered. */
  public void gauges(LongSupplier pending, LongSupplier dedup) {
    this.pendingDeliveries = pending;
    this.dedupEntries = dedup;
  }

  /** The counters in the Prometheus text exposition format. */
  public String prometheus() {
    PrometheusText out = new PrometheusText();
    out.counter("longlink_connections_opened_total", "WebSocket connections accepted.", connectionsOpened.sum());
    out.gauge("longlink_connections_open", "WebSocket connections open now.", connectionsOpen.get());
    out.counter("longlink_sessions_started_total", "Connections that authenticated.", sessionsStarted.sum());
    out.counter("longlink_frames_received_total", "Frames received from clients.", framesIn.sum());
    out.counter("longlink_chats_accepted_total", "Chats accepted and acked.", chatsAccepted.sum());
    out.counter("longlink_duplicates_total", "Repeated chats acked as duplicates.", duplicates.sum());
    out.counter("longlink_deliveries_sent_total", "Deliveries sent, first sends and redeliveries.", deliveriesSent.sum());
    out.counter("longlink_redeliveries_total", "Deliveries sent again.", redeliveries.sum());
    out.counter("longlink_delivery_acks_total", "Deliveries settled by a recipient's ack.", deliveryAcks.sum());
    out.counter("longlink_slow_consumers_total", "Connections closed because their outbound queue overflowed (4010).",
        slowConsumers.sum());
    out.counter("longlink_upgrade_timeouts_total",
        "Connections closed for not completing the WebSocket upgrade within limits.auth_timeout_ms of being accepted.",
        upgradeTimeouts.sum());
    out.gauge("longlink_unauthenticated_connections", "Connections accepted that have no session yet.",
        unauthenticated.getAsLong());
    out.labelled("longlink_unauthenticated_refused_total", "counter",
        "Connections closed when accepted, over a bound on connections without a session.", "bound",
        snapshot(unauthenticatedRefused));
    out.gauge("longlink_pending_deliveries", "Deliveries waiting for an ack, all users.", pendingDeliveries.getAsLong());
    out.gauge("longlink_dedup_entries", "Remembered (sender, message id) pairs.", dedupEntries.getAsLong());
    out.labelled("longlink_errors_sent_total", "counter", "Error messages sent, by code.", "code", snapshot(errorsByCode));
    out.labelled("longlink_closes_total", "counter", "Connections closed, by close code.", "code", snapshot(closesByCode));
    return out.toString();
  }

  private static <K> Map<String, Long> snapshot(Map<K, LongAdder> counters) {
    Map<String, Long> copy = new TreeMap<>();
    counters.forEach((k, v) -> copy.put(String.valueOf(k), v.sum()));
    return copy;
  }
}
