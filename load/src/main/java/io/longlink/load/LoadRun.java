package io.longlink.load;

import io.longlink.client.ClientObserver;
import io.longlink.client.ConnectionState;
import io.longlink.client.Delivery;
import io.longlink.client.LonglinkClient;
import io.longlink.client.transport.JdkTransport;
import io.longlink.model.RecipientKind;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One load run: connects the plan's users (reference clients on a few threads, one shared HTTP
 * client, so that 10,000 sockets need no 10,000 threads), sends chats on a fixed schedule, drops
 * connections when asked, then waits for what is owed and reports. Every phase has a deadline.
 */
public final class LoadRun {

  private static final String CLIENT_NAME = "longlink-load";
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);
  private static final Duration FIRST_SESSION = Duration.ofSeconds(10);

  private final LoadPlan plan;
  private final Consumer<String> progress;
  private final List<LonglinkClient> clients = new ArrayList<>();
  private final CountDownLatch[] firstOpen;
  private final AtomicLong established = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final Tally tally;
  private final Semaphore handshakes;

  private LoadRun(LoadPlan plan, Consumer<String> progress) {
    this.plan = plan;
    this.progress = progress;
    this.firstOpen = new CountDownLatch[plan.connections()];
    this.tally = new Tally(plan.ratePerSecond(), plan.warmupChats());
    this.handshakes = new Semaphore(plan.connectConcurrency());
  }

  /** Runs the plan, printing a progress line every second to {@code progress}. */
  public static LoadReport run(LoadPlan plan, Consumer<String> progress) throws InterruptedException {
    return new LoadRun(plan, progress).run();
  }

  private LoadReport run() throws InterruptedException {
    long began = System.nanoTime();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    ChaosTransport transport = new ChaosTransport(new JdkTransport(http));
    try (StripedScheduler threads = new StripedScheduler(Math.max(2, Runtime.getRuntime().availableProcessors()))) {
      for (int i = 0; i < plan.connections(); i++) {
        clients.add(client(i, threads, transport));
      }
      long connectMs = connect();
      if (established.get() == 0) {
        clients.forEach(LonglinkClient::close);
        return LoadReport.of(plan, tally, 0, connectMs, 0, true, 0, threads.failures(),
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
      }
      Tally sending = tally;
      sending.startAt(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100));
      SplittableRandom random = new SplittableRandom(plan.runId().hashCode());
      SplittableRandom toRandom = random.split();
      Thread pacer = new Thread(() -> pace(sending, toRandom), "load-pacer");
      pacer.setDaemon(true);
      pacer.start();
      long sendEnd = sending.intended(plan.chats());
      SplittableRandom chaosRandom = random.split();
      long nextTick = System.nanoTime() + PROGRESS_EVERY.toNanos();
      while (pacer.isAlive()) {
        pacer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextTick - System.nanoTime())));
        if (System.nanoTime() >= nextTick) {
          if (plan.chaos() > 0 && System.nanoTime() < sendEnd) {
            dropped.addAndGet(transport.drop(plan.chaos(), chaosRandom));
          }
          progress.accept(line(sending.sentCount() < plan.warmupChats() ? "warm" : "send", sending, began));
          nextTick += PROGRESS_EVERY.toNanos();
        }
      }
      long drainStart = System.nanoTime();
      boolean drained = waitFor(() -> sending.owed() == 0
          && sending.ackedCount() + sending.failedCount() >= sending.sentCount(), plan.drain(), sending, began);
      long drainMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - drainStart);
      // Taken before the clients close, so that their own closes are not in it.
      LoadReport report = LoadReport.of(plan, sending, established.get(), connectMs, drainMs, drained, dropped.get(),
          threads.failures(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
      clients.forEach(LonglinkClient::close);
      return report;
    }
  }

  private LonglinkClient client(int i, StripedScheduler threads, ChaosTransport transport) {
    String user = plan.user(i);
    CountDownLatch open = new CountDownLatch(1);
    firstOpen[i] = open;
    // The first attempt's outcome, whichever it is, frees its place among the handshakes in flight.
    AtomicBoolean attempted = new AtomicBoolean();
    Runnable attemptEnded = () -> {
      if (attempted.compareAndSet(false, true)) {
        handshakes.release();
      }
    };
    var builder = LonglinkClient.builder(plan.uri())
        .token(plan.tokens().apply(user))
        .clientInfo(CLIENT_NAME, "1")
        .scheduler(threads.forClient(i))
        .transport(transport)
        .deliveryHandler(this::delivered)
        .observer(new ClientObserver() {
          @Override
          public void stateChanged(ConnectionState state) {
            if (state instanceof ConnectionState.Open) {
              tally.sessionOpened();
              if (open.getCount() > 0) {
                established.incrementAndGet();
                open.countDown();
              }
              attemptEnded.run();
            } else if (state instanceof ConnectionState.Reconnecting r) {
              tally.closed(r.closeCode());
              attemptEnded.run();
            } else if (state instanceof ConnectionState.Closed c) {
              tally.closed(c.closeCode());
              attemptEnded.run();
            }
          }
        });
    plan.signingKeys().apply(user).ifPresent(builder::signingKey);
    return builder.build();
  }

  /**
   * Opens every client, at most {@code connectConcurrency} handshakes at once; returns how long it
   * took. The first client goes alone: when it gets no session within {@link #FIRST_SESSION}, the
   * others are not tried (a wrong URL or secret is then said at once).
   */
  private long connect() throws InterruptedException {
    long start = System.nanoTime();
    handshakes.acquire();
    clients.get(0).connect();
    if (!firstOpen[0].await(FIRST_SESSION.toMillis(), TimeUnit.MILLISECONDS)) {
      return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
    long deadline = start + TimeUnit.SECONDS.toNanos(30) + TimeUnit.MILLISECONDS.toNanos(5L * plan.connections());
    for (LonglinkClient client : clients.subList(1, clients.size())) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !handshakes.tryAcquire(left, TimeUnit.NANOSECONDS)) {
        break;
      }
      client.connect();
    }
    for (CountDownLatch open : firstOpen) {
      open.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  /** Sends chat k at its intended time, from user k mod N to another user drawn at random. */
  private void pace(Tally sending, SplittableRandom random) {
    int n = plan.connections();
    String padding = "x".repeat(plan.bodyBytes());
    for (long k = 0; k < plan.chats(); k++) {
      long wait = sending.intended(k) - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
        if (System.nanoTime() < sending.intended(k)) {
          k--;
          continue;
        }
      }
      int from = (int) (k % n);
      int to = (from + 1 + random.nextInt(n - 1)) % n;
      int chat = (int) k;
      String body = (chat + " " + padding).substring(0, plan.bodyBytes());
      sending.sent(chat);
      clients.get(from).send(plan.runId() + "-" + chat, RecipientKind.USER, plan.user(to), body)
          .whenComplete((result, failure) -> {
            if (failure == null) {
              sending.acked(chat, System.nanoTime());
            } else {
              sending.failed(failure.getClass().getSimpleName() + ": " + failure.getMessage());
            }
          });
    }
  }

  private void delivered(Delivery d) {
    String prefix = plan.runId() + "-";
    if (d.id().startsWith(prefix)) {
      try {
        tally.delivered(Integer.parseInt(d.id().substring(prefix.length())), System.nanoTime());
      } catch (NumberFormatException e) {
        // Not one of this run's chats.
      }
    }
  }

  /** Waits, printing progress, until {@code condition} holds or {@code within} has passed. */
  private boolean waitFor(BooleanSupplier condition, Duration within, Tally sending, long began) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    long nextTick = System.nanoTime() + PROGRESS_EVERY.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() >= deadline) {
        return false;
      }
      sending.awaitChange(Math.min(deadline, nextTick) - System.nanoTime());
      if (System.nanoTime() >= nextTick) {
        progress.accept(line("drain", sending, began));
        nextTick += PROGRESS_EVERY.toNanos();
      }
    }
    return true;
  }

  private String line(String phase, Tally t, long began) {
    var ack = t.recentAcks();
    return String.format("%5ds %-5s open %d/%d  sent %d  acked %d  delivered %d  owed %d  dup %d  failed %d  "
            + "dropped %d  last second's acks p50 %.1f p99 %.1f ms",
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began), phase, established.get(), plan.connections(),
        t.sentCount(), t.ackedCount(), t.deliveredCount(), t.owed(), t.duplicates(), t.failedCount(), dropped.get(),
        ack.getValueAtPercentile(50) / 1000.0, ack.getValueAtPercentile(99) / 1000.0);
  }
}
