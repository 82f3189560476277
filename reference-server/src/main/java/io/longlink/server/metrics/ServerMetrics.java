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
  private volatile LongSupplier pendingBytes = () -> 0;
  private volatile long pendingBytesLimit;
  private volatile LongSupplier outboundBytes = () -> 0;
  private volatile long outboundBytesLimit;

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

  /** The bytes of pending deliveries, all users, and their bound (LL-LIM-11). */
  public void pendingBytes(LongSupplier bytes, long limit) {
    this.pendingBytes = bytes;
    this.pendingBytesLimit = limit;
  }

  /** The bytes queued for sending, all connections, and their bound (LL-LIM-11). */
  public void outboundBytes(LongSupplier bytes, long limit) {
    this.outboundBytes = bytes;
    this.outboundBytesLimit = limit;
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
    out.gauge("longlink_pending_bytes", "Bytes of deliveries waiting for an ack, all users; a room chat's counts once.",
        pendingBytes.getAsLong());
    out.gauge("longlink_pending_bytes_limit", "The bound on longlink_pending_bytes.", pendingBytesLimit);
    out.gauge("longlink_outbound_bytes", "Bytes queued for sending and not yet written, all connections.",
        outboundBytes.getAsLong());
    out.gauge("longlink_outbound_bytes_limit", "The bound on longlink_outbound_bytes.", outboundBytesLimit);
    out.gauge("longlink_heap_used_bytes", "Heap in use now, garbage included.", Heap.used());
    out.gauge("longlink_heap_used_after_gc_bytes", "Heap in use right after the last garbage collection: what is live.",
        Heap.usedAfterLastGc());
    out.gauge("longlink_heap_max_bytes", "The most heap the process may use (-Xmx).", Runtime.getRuntime().maxMemory());
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
