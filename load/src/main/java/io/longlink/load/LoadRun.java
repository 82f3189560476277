package io.longlink.load;

import io.longlink.client.transport.JdkTransport;
import io.longlink.client.transport.Transport;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One load run: connects the plan's users (reference clients on a few threads, one shared HTTP
 * client, so that 10,000 sockets need no 10,000 threads; or bare WebSockets on the same client),
 * joins their rooms, sends chats on a fixed schedule, drops connections when asked, restarts the
 * server or kills a node when asked, then waits for what is owed, holds the connections idle if
 * asked, and reports. With several nodes, the users are spread over them and move on to the next
 * whenever a connection ends ({@link Cluster}); the tally is one for the whole cluster, so a chat
 * acked by any node is owed once to its recipient wherever that one is. Every phase has a deadline.
 */
public final class LoadRun {

  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);
  private static final Duration FIRST_SESSION = Duration.ofSeconds(10);
  /** A drain that ends with acks or deliveries still coming within this is an overloaded server, not a lossy one. */
  private static final Duration STILL_MOVING = Duration.ofSeconds(1);
  /** How long after a restart the run waits for every client to see its old session end. */
  private static final Duration OLD_SESSIONS_END = Duration.ofSeconds(10);

  private final LoadPlan plan;
  private final Consumer<String> progress;
  private final Optional<ServerProcess> server;
  private final Optional<ServerRestart> restart;
  private final Optional<NodeKill> kill;
  private final Cluster cluster;
  private volatile long restartAtMs = -1;
  private volatile LoadReport.Kill killed = LoadReport.Kill.NONE;
  /** Per user: its session was open when the restart began, and it has not yet seen that session end. */
  private final AtomicBoolean[] oldSessionOpen;
  private final AtomicBoolean[] open;
  private volatile CountDownLatch oldSessionsEnded = new CountDownLatch(0);
  private volatile long restartTookMs = -1;
  private final List<LoadUser> users = new ArrayList<>();
  private final CountDownLatch[] firstOpen;
  private final AtomicLong established = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final Tally tally;
  private final Semaphore handshakes;
  private final CostMeter cost;

  private LoadRun(LoadPlan plan, Consumer<String> progress, Optional<ServerProcess> server,
      Optional<ServerRestart> restart, Optional<NodeKill> kill) {
    this.plan = plan;
    this.progress = progress;
    this.server = server;
    this.restart = restart;
    this.kill = kill;
    this.cluster = new Cluster(plan.nodes());
    this.firstOpen = new CountDownLatch[plan.connections()];
    this.oldSessionOpen = new AtomicBoolean[plan.connections()];
    this.open = new AtomicBoolean[plan.connections()];
    this.tally = new Tally(plan.ratePerSecond(), plan.warmupChats(), plan.places(), plan.recipients());
    this.handshakes = new Semaphore(plan.connectConcurrency());
    this.cost = new CostMeter(server);
  }

  /** Runs the plan, printing a progress line every second to {@code progress}. */
  public static LoadReport run(LoadPlan plan, Consumer<String> progress) throws InterruptedException {
    return run(plan, progress, Optional.empty());
  }

  /** Runs the plan, and reads what it cost {@code server}'s process. */
  public static LoadReport run(LoadPlan plan, Consumer<String> progress, Optional<ServerProcess> server)
      throws InterruptedException {
    return run(plan, progress, server, Optional.empty());
  }

  /**
   * Runs the plan, and restarts the server with {@code restart} when the plan says; a plan with a
   * restart needs one.
   */
  public static LoadReport run(LoadPlan plan, Consumer<String> progress, Optional<ServerProcess> server,
      Optional<ServerRestart> restart) throws InterruptedException {
    return run(plan, progress, server, restart, Optional.empty());
  }

  /**
   * Runs the plan, restarting the server with {@code restart} or killing a node with {@code kill}
   * when the plan says; a plan with a restart or a kill needs it, and a kill needs its time.
   */
  public static LoadReport run(LoadPlan plan, Consumer<String> progress, Optional<ServerProcess> server,
      Optional<ServerRestart> restart, Optional<NodeKill> kill) throws InterruptedException {
    if (!plan.restartAfter().isZero() && restart.isEmpty()) {
      throw new IllegalArgumentException("the plan restarts the server after " + plan.restartAfter().toSeconds()
          + " s, but this run cannot restart it: only the embedded reference server can be");
    }
    if (plan.killAfter().isZero() != kill.isEmpty()) {
      throw new IllegalArgumentException(kill.isEmpty() ? "the plan kills a node after " + plan.killAfter().toSeconds()
          + " s, but names no process to kill: give --kill-pid" : "a process to kill, but no time to kill it: give --kill-after");
    }
    return new LoadRun(plan, progress, server, restart, kill).run();
  }

  private LoadReport run() throws InterruptedException {
    long began = System.nanoTime();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    ChaosTransport transport = new ChaosTransport(new JdkTransport(http));
    try (StripedScheduler threads = new StripedScheduler(Math.max(2, Runtime.getRuntime().availableProcessors()))) {
      for (int i = 0; i < plan.connections(); i++) {
        users.add(user(i, threads, transport));
      }
      long connectMs = connect();
      // A member missing from its room would have its deliveries counted as lost: rooms need every user.
      long joined = plan.roomSize() == 0 ? plan.connections() : established.get() == plan.connections() ? join() : 0;
      Supplier<LoadReport> report = () -> LoadReport.of(plan, tally, established.get(), joined, connectMs, 0, false,
          false, dropped.get(), threads.failures(), cost, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began))
          .with(LoadReport.Restart.NONE, cluster.report(), LoadReport.Kill.NONE);
      if (established.get() == 0 || joined < plan.connections()) {
        users.forEach(LoadUser::close);
        return report.get();
      }
      Tally sending = tally;
      sending.startAt(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100));
      SplittableRandom random = new SplittableRandom(plan.runId().hashCode());
      SplittableRandom toRandom = random.split();
      Thread pacer = new Thread(() -> pace(sending, toRandom), "load-pacer");
      pacer.setDaemon(true);
      pacer.start();
      long sendEnd = sending.intended(plan.chats());
      long restartAt = intoTheMeasuredPart(sending, plan.restartAfter());
      long killAt = intoTheMeasuredPart(sending, plan.killAfter());
      SplittableRandom chaosRandom = random.split();
      long nextTick = System.nanoTime() + PROGRESS_EVERY.toNanos();
      while (pacer.isAlive()) {
        pacer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextTick - System.nanoTime())));
        if (System.nanoTime() >= restartAt) {
          restartAt = Long.MAX_VALUE;
          restartServer(sending, began);
        }
        if (System.nanoTime() >= killAt) {
          killAt = Long.MAX_VALUE;
          killNode(sending, began);
        }
        if (System.nanoTime() >= nextTick) {
          if (plan.chaos() > 0 && System.nanoTime() < sendEnd) {
            dropped.addAndGet(transport.drop(plan.chaos(), chaosRandom));
          }
          progress.accept(line(sending.sentCount() < plan.warmupChats() ? "warm" : "send", sending, began));
          nextTick += PROGRESS_EVERY.toNanos();
        }
      }
      long drainStart = System.nanoTime();
      boolean excusesRestart = restart.map(r -> !r.keepsPendingDeliveries()).orElse(false);
      boolean drained = waitFor(() -> (sending.owed() == 0 || excusesRestart && sending.onlyOwedFromBeforeTheRestart())
          && sending.ackedCount() + sending.failedCount() >= sending.sentCount(), plan.drain(), sending, began, "drain");
      long drainMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - drainStart);
      boolean stillMoving = !drained && System.nanoTime() - sending.lastChangeNanos() < STILL_MOVING.toNanos();
      if (!plan.hold().isZero()) {
        waitFor(() -> false, plan.hold(), sending, began, "hold");
      }
      cost.held();
      // Taken before the clients close, so that their own closes are not in it.
      LoadReport result = LoadReport.of(plan, sending, established.get(), joined, connectMs, drainMs, drained,
          stillMoving, dropped.get(), threads.failures(), cost, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began))
          .with(new LoadReport.Restart(restartAtMs, restartTookMs, sending.owedFromBeforeTheRestart(),
              restart.map(ServerRestart::keepsPendingDeliveries).orElse(true)), cluster.report(), killed);
      users.forEach(LoadUser::close);
      return result;
    }
  }

  /**
   * Restarts the server while the pacer goes on sending (the clients hold what they send meanwhile
   * in their outboxes), and marks what was acked by then: a server that keeps its pending
   * deliveries in memory has lost what of it was not delivered.
   */
  private void restartServer(Tally sending, long began) {
    long start = System.nanoTime();
    restartAtMs = TimeUnit.NANOSECONDS.toMillis(start - began);
    progress.accept(line("stop", sending, began) + "  restarting the server (goaway, close 1001)");
    // Every user counts down once: at its old session's end, or here when it has none open. The
    // flag goes up before the check, so that a close racing with it is counted by one side only.
    CountDownLatch ended = new CountDownLatch(open.length);
    oldSessionsEnded = ended;
    for (int i = 0; i < open.length; i++) {
      oldSessionOpen[i].set(true);
      if (!open[i].get() && oldSessionOpen[i].compareAndSet(true, false)) {
        ended.countDown();
      }
    }
    try {
      restart.orElseThrow().restart();
      // Each client handles its frames in order: once it has seen its old session end, it has
      // counted every ack the old server sent it, and what was acked is known.
      ended.await(OLD_SESSIONS_END.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IllegalStateException("the server did not restart: " + e.getMessage(), e);
    } finally {
      sending.restarted();
    }
    restartTookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    progress.accept(line("start", sending, began) + "  the server listens again after " + restartTookMs + " ms");
  }

  /** When {@code after} into the measured part falls ({@link System#nanoTime()}); never for 0. */
  private long intoTheMeasuredPart(Tally sending, Duration after) {
    return after.isZero() ? Long.MAX_VALUE : sending.intended(plan.warmupChats()) + after.toNanos();
  }

  /**
   * Kills a node while the pacer goes on sending. Nothing is marked: a cluster whose store is
   * shared and durable owes every acked chat still, so what the node took with it counts as lost.
   * Its users hear of it as their connections end, and move on to the next nodes.
   */
  private void killNode(Tally sending, long began) {
    NodeKill node = kill.orElseThrow();
    List<String> urls = node.nodes().stream().map(n -> cluster.uri(n).toString()).toList();
    long atMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
    progress.accept(line("kill", sending, began) + "  SIGKILL to pid " + node.pid() + " (" + String.join(", ", urls) + ")");
    long goneMs = NodeKill.STILL_THERE;
    try {
      goneMs = node.kill();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    killed = new LoadReport.Kill(node.pid(), urls, plan.killAfter().toMillis(), atMs, goneMs);
    progress.accept(line("kill", sending, began) + "  pid " + node.pid() + " " + LoadReport.gone(goneMs));
  }

  private LoadUser user(int i, StripedScheduler threads, Transport transport) {
    CountDownLatch first = new CountDownLatch(1);
    firstOpen[i] = first;
    open[i] = new AtomicBoolean();
    oldSessionOpen[i] = new AtomicBoolean();
    int place = plan.roomSize() == 0 ? 0 : i % plan.roomSize();
    // The first attempt's outcome, whichever it is, frees its place among the handshakes in flight.
    AtomicBoolean attempted = new AtomicBoolean();
    Runnable attemptEnded = () -> {
      if (attempted.compareAndSet(false, true)) {
        handshakes.release();
      }
    };
    LoadUser.Events events = new LoadUser.Events() {
      @Override
      public void opened() {
        tally.sessionOpened();
        open[i].set(true);
        if (first.getCount() > 0) {
          established.incrementAndGet();
          first.countDown();
        }
        attemptEnded.run();
      }

      @Override
      public void closed(int code) {
        tally.closed(code);
        open[i].set(false);
        if (oldSessionOpen[i].compareAndSet(true, false)) {
          oldSessionsEnded.countDown();
        }
        attemptEnded.run();
      }

      @Override
      public void delivered(int chat) {
        tally.delivered(chat, place, System.nanoTime());
      }
    };
    Transport onNodes = new NodeTransport(transport, cluster, i);
    return plan.stack() == LoadPlan.Stack.BARE ? new BareUser(plan, i, onNodes, events)
        : new LonglinkUser(plan, i, threads.forClient(i), onNodes, events);
  }

  /**
   * Opens every user's connection, at most {@code connectConcurrency} handshakes at once; returns
   * how long it took. The first user goes alone: when it gets no session within
   * {@link #FIRST_SESSION}, the others are not tried (a wrong URL or secret is then said at once).
   */
  private long connect() throws InterruptedException {
    long start = System.nanoTime();
    handshakes.acquire();
    users.get(0).connect();
    if (!firstOpen[0].await(FIRST_SESSION.toMillis(), TimeUnit.MILLISECONDS)) {
      return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
    long deadline = phaseDeadline(start);
    for (LoadUser user : users.subList(1, users.size())) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !handshakes.tryAcquire(left, TimeUnit.NANOSECONDS)) {
        break;
      }
      user.connect();
    }
    for (CountDownLatch open : firstOpen) {
      open.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  /** Makes every user a member of its room; returns how many are. */
  private long join() throws InterruptedException {
    long deadline = phaseDeadline(System.nanoTime());
    List<CompletableFuture<?>> joins = new ArrayList<>();
    for (int i = 0; i < users.size(); i++) {
      joins.add(users.get(i).join(plan.room(i)));
      if (i % plan.connectConcurrency() == plan.connectConcurrency() - 1) {
        // As many joins in flight as handshakes: a burst of 10,000 would meet the rate limit.
        waitAll(joins.subList(i + 1 - plan.connectConcurrency(), i + 1), deadline);
      }
    }
    return waitAll(joins, deadline);
  }

  private static long waitAll(List<CompletableFuture<?>> futures, long deadline) throws InterruptedException {
    long done = 0;
    for (CompletableFuture<?> f : futures) {
      try {
        f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        done++;
      } catch (ExecutionException | TimeoutException e) {
        // Counted as not done.
      }
    }
    return done;
  }

  private long phaseDeadline(long start) {
    return start + TimeUnit.SECONDS.toNanos(30) + TimeUnit.MILLISECONDS.toNanos(5L * plan.connections());
  }

  /**
   * Sends chat k at its intended time, from user k mod N: to another user drawn at random, or to
   * the sender's room. The server's CPU is read as the measured part starts and as it ends.
   */
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
      if (k == plan.warmupChats()) {
        cost.measuredPartStarts();
      }
      int from = (int) (k % n);
      int chat = (int) k;
      String body = (chat + " " + padding).substring(0, plan.bodyBytes());
      sending.sent(chat);
      boolean toRoom = plan.roomSize() > 0;
      String to = toRoom ? plan.room(from) : plan.user((from + 1 + random.nextInt(n - 1)) % n);
      users.get(from).send(chat, to, toRoom, body).whenComplete((result, failure) -> {
        if (failure == null) {
          sending.acked(chat, System.nanoTime());
        } else {
          sending.failed(failure.getClass().getSimpleName() + ": " + failure.getMessage());
        }
      });
    }
    cost.measuredPartEnds(plan.chats() - plan.warmupChats());
  }

  /** Waits, printing progress, until {@code condition} holds or {@code within} has passed. */
  private boolean waitFor(BooleanSupplier condition, Duration within, Tally sending, long began, String phase)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    long nextTick = System.nanoTime() + PROGRESS_EVERY.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() >= deadline) {
        return false;
      }
      sending.awaitChange(Math.min(deadline, nextTick) - System.nanoTime());
      if (System.nanoTime() >= nextTick) {
        progress.accept(line(phase, sending, began));
        nextTick += PROGRESS_EVERY.toNanos();
      }
    }
    return true;
  }

  private String line(String phase, Tally t, long began) {
    var ack = t.recentAcks();
    return String.format("%5ds %-5s open %d/%d  sent %d  acked %d  delivered %d  owed %d  dup %d  failed %d  "
            + "dropped %d  last second's acks p50 %.1f p99 %.1f ms%s",
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began), phase, established.get(), plan.connections(),
        t.sentCount(), t.ackedCount(), t.deliveredCount(), t.owed(), t.duplicates(), t.failedCount(), dropped.get(),
        ack.getValueAtPercentile(50) / 1000.0, ack.getValueAtPercentile(99) / 1000.0,
        cluster.size() > 1 ? "  on nodes " + cluster.openNow() : "");
  }
}
