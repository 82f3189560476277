package io.longlink.server.robustness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.protocol.SessionParameter;
import io.longlink.server.config.ServerConfig;
import io.longlink.server.testing.TestServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A corpus of hostile inputs, each with the exact outcome PROTOCOL.md gives it, sent over a few
 * parallel connections while two healthy users chat: every input gets its outcome, the healthy
 * users notice nothing (LL-ERR-6), and the server logs no error or stack trace. A failure lists
 * every input whose outcome differed, as "family: input: expected ..., saw ...".
 */
class HostileCorpusIT {

  /** The corpus cannot silently shrink below this. */
  private static final int MIN_INPUTS = 500;
  private static final int WORKERS = 6;
  private static final long WAIT_MS = 5_000;
  private static final long RUN_DEADLINE_S = 90;
  private static final String CANARY = "hostile-corpus log capture canary";

  @Test
  void everyHostileInputGetsItsOutcomeAndTheHealthyClientsNoticeNothing() throws Exception {
    List<HostileInput> corpus = new ArrayList<>(Corpus.all());
    assertDistinct(corpus);
    List<String> failures = new ArrayList<>();
    List<String> report = new ArrayList<>();
    try (LogCapture log = new LogCapture();
        TestServer main = TestServer.start(quiet(b -> b.set(SessionParameter.RATE_MESSAGES, 100_000L)
            .set(SessionParameter.MAX_MESSAGE_BYTES, (long) Corpus.MAX_BYTES)
            .set(SessionParameter.AUTH_TIMEOUT_MS, Corpus.AUTH_TIMEOUT_MS)));
        TestServer signing = TestServer.start(quiet(b -> b.signingSecret(TestServer.SIGNING_SECRET)
            .set(SessionParameter.RATE_MESSAGES, 100_000L).set(SessionParameter.REPLAY_WINDOW_MS, Corpus.REPLAY_WINDOW_MS)));
        TestServer flood = TestServer.start(quiet(b -> b.set(SessionParameter.RATE_MESSAGES, Corpus.FLOOD_RATE)
            .set(SessionParameter.RATE_WINDOW_MS, 60_000L)))) {
      LoggerFactory.getLogger(HostileCorpusIT.class).warn(CANARY);
      Target mainTarget = new Target("main", main.uri());
      List<Target> targets = List.of(mainTarget, new Target("signing", signing.uri()),
          new Target("flood", flood.uri()));
      try (Witness witness = new Witness(mainTarget, WAIT_MS); HealthyPair pair = new HealthyPair(main.uri())) {
        Arena arena = Arena.of(mainTarget, targets.get(1), targets.get(2), witness, WAIT_MS);
        long start = System.nanoTime();
        AtomicInteger dropped = new AtomicInteger();
        failures.addAll(run(corpus, arena, dropped));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        arena.closeLanes();
        List<String> healthy = pair.stop();
        failures.addAll(healthy.stream().map(p -> "healthy clients: " + p).toList());
        failures.addAll(witness.problems().stream().map(p -> "witness: " + p).toList());
        report.add(corpus.size() + " distinct inputs " + byFamily(corpus) + " in " + tookMs + " ms over " + WORKERS + " workers; healthy clients exchanged "
            + pair.chats() + " chats, ack latency median " + pair.medianAckMillis() + " ms, max " + pair.maxAckMillis()
            + " ms (deadline " + HealthyPair.ACK_DEADLINE.toMillis() + " ms); " + dropped + " huge frames dropped the connection"
            + " before their close was read (counted in /metrics instead)");
      }
      failures.addAll(closeCounters(corpus, targets));
      if (!log.saw(CANARY)) {
        failures.add("the log capture did not see the canary line, so the server log check is blind");
      }
      failures.addAll(logProblems(log));
    }
    assertTrue(corpus.size() >= MIN_INPUTS, "the corpus has " + corpus.size() + " inputs, fewer than " + MIN_INPUTS);
    System.out.println("HostileCorpusIT: " + String.join("; ", report));
    assertTrue(failures.isEmpty(), failures.size() + " of the hostile corpus' checks failed (" + String.join("; ", report) + "):\n  "
        + String.join("\n  ", failures));
  }

  /** Every server of the test: the given settings, with a heartbeat and redelivery slow enough not to fire while a worker is busy elsewhere. */
  private static UnaryOperator<ServerConfig.Builder> quiet(UnaryOperator<ServerConfig.Builder> more) {
    return b -> more.apply(b.set(SessionParameter.HEARTBEAT_INTERVAL_MS, 5_000L).set(SessionParameter.HEARTBEAT_TIMEOUT_MS, 15_000L)
        .set(SessionParameter.ACK_TIMEOUT_MS, 10_000L).set(SessionParameter.MAX_PENDING, 1_000_000L));
  }

  private static String byFamily(List<HostileInput> corpus) {
    return corpus.stream().collect(Collectors.groupingBy(HostileInput::family, TreeMap::new, Collectors.counting())).toString();
  }

  private static void assertDistinct(List<HostileInput> corpus) {
    Set<String> names = new HashSet<>();
    List<String> repeated = new ArrayList<>();
    for (HostileInput input : corpus) {
      if (!names.add(input.family() + ": " + input.name())) {
        repeated.add(input.family() + ": " + input.name());
      }
    }
    assertTrue(repeated.isEmpty(), "inputs with the same name (each input is one distinct attack): " + repeated);
  }

  /** Runs every input on a bounded pool; the slow ones (timers) first, so that they overlap the rest. */
  private static List<String> run(List<HostileInput> corpus, Arena arena, AtomicInteger dropped) throws Exception {
    List<HostileInput> ordered = new ArrayList<>(corpus);
    ordered.sort(Comparator.comparingLong((HostileInput i) -> -i.expected().minMs()));
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    List<Future<String>> outcomes = new ArrayList<>();
    for (HostileInput input : ordered) {
      outcomes.add(pool.submit(() -> {
        try {
          Observed seen = input.attack().run(arena);
          if (input.expected().acceptsDrop() && seen.end() == Observed.End.RESET) {
            dropped.incrementAndGet();
          }
          return input.expected().matches(seen) ? null : input.failure(seen);
        } catch (Exception e) {
          return input.family() + ": " + input.name() + ": the attack itself failed: " + e;
        }
      }));
    }
    pool.shutdown();
    List<String> failures = new ArrayList<>();
    if (!pool.awaitTermination(RUN_DEADLINE_S, TimeUnit.SECONDS)) {
      pool.shutdownNow();
      failures.add("the corpus did not finish within " + RUN_DEADLINE_S + " s");
    }
    for (Future<String> f : outcomes) {
      if (f.isDone() && !f.isCancelled() && f.get() != null) {
        failures.add(f.get());
      }
    }
    failures.sort(null);
    return failures;
  }

  /**
   * The servers' /metrics: no connection closed with 1011 (a server failure), and every input that
   * expects a close the client may not see (a reset after a huge frame) is counted.
   */
  private static List<String> closeCounters(List<HostileInput> corpus, List<Target> targets) throws Exception {
    List<String> problems = new ArrayList<>();
    HttpClient http = HttpClient.newHttpClient();
    long expected1009 = corpus.stream().filter(i -> i.expected().end() == Observed.End.CLOSED && i.expected().code() == 1009).count();
    for (Target t : targets) {
      String metrics = http.send(HttpRequest.newBuilder(t.metrics()).build(), HttpResponse.BodyHandlers.ofString()).body();
      if (closes(metrics, 1011) > 0) {
        problems.add(t.label() + " server: " + closes(metrics, 1011) + " connections closed with 1011 internal_error");
      }
      if (t.label().equals("main") && closes(metrics, 1009) < expected1009) {
        problems.add("main server: /metrics counts " + closes(metrics, 1009) + " closes with 1009, the corpus has " + expected1009
            + " inputs whose outcome is 1009");
      }
    }
    return problems;
  }

  private static long closes(String metrics, int code) {
    Matcher m = Pattern.compile("longlink_closes_total\\{code=\"" + code + "\"} (\\d+)").matcher(metrics);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  private static List<String> logProblems(LogCapture log) {
    List<String> problems = new ArrayList<>();
    log.trouble().forEach(line -> problems.add("server log: " + line));
    return problems;
  }
}
