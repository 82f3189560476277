package io.longlink.cli.load;

import io.longlink.cli.CliContext;
import io.longlink.cli.ExitCodes;
import io.longlink.cli.LonglinkCommand;
import io.longlink.cli.TargetUnreachableException;
import io.longlink.cli.UsageException;
import io.longlink.kit.settings.JwtTokenSource;
import io.longlink.load.Cluster;
import io.longlink.load.LoadPlan;
import io.longlink.load.LoadReport;
import io.longlink.load.LoadRun;
import io.longlink.load.NodeKill;
import io.longlink.load.ServerProcess;
import io.longlink.load.ServerRestart;
import io.longlink.server.LonglinkServer;
import io.longlink.server.config.Profile;
import io.longlink.server.config.ServerConfig;
import io.longlink.server.faults.FaultyServer;
import io.longlink.server.faults.Violation;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code longlink load [URL]}: many users chatting at a target rate, optionally on a dying network; counts what was lost. */
@Command(
    name = "load",
    sortOptions = false,
    description = {"Connects many users to a Longlink server, one connection each, sends direct chats (or, with "
        + "--room-size, chats to rooms) at a target rate, and reports what was acked, delivered, lost (acked, never "
        + "delivered) and duplicated (delivered twice), with latencies measured from each chat's intended send time, "
        + "and what the chats cost the server's process (--server-pid). Without a URL it loads an embedded reference "
        + "server in this JVM (for figures, run `longlink serve` as its own process and give its URL). With --bare it "
        + "loads `longlink baseline`, the bare stack, the same way: the ratio of the two runs is the finding."},
    footer = {"", "Environment: LONGLINK_JWT_SECRET and LONGLINK_SIGNING_SECRET stand in for --jwt-secret and --signing-secret.",
        "Exit codes: 0 nothing acked was lost or delivered twice and every user connected; 1 otherwise; 2 bad usage or "
            + "unreachable server; 3 internal error."})
public final class LoadCommand implements Callable<Integer> {

  @ParentCommand
  private LonglinkCommand parent;

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "URL",
      description = "The server's WebSocket URL, ws:// or wss://, on a loopback address unless --allow-remote; with "
          + "--node, the first node's.")
  private String url;

  @Option(names = "--node", paramLabel = "URL",
      description = "Another node of the URL's cluster (repeatable; nodes that share one store). User i connects first to "
          + "node i mod n, so senders and recipients sit on different nodes, and whenever its connection ends or fails, "
          + "to the next node, resuming where it was. Checked as the URL is.")
  private List<String> nodes = new ArrayList<>();

  @Option(names = "--connections", paramLabel = "N", defaultValue = "1000",
      description = "Users, one connection each, 2-100000 (default ${DEFAULT-VALUE}).")
  private int connections;

  @Option(names = "--rate", paramLabel = "CHATS_PER_S", defaultValue = "1000",
      description = "Chats per second, all senders together, 1-1000000 (default ${DEFAULT-VALUE}).")
  private int rate;

  @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "30",
      description = "How long chats are sent, 1-86400 s (default ${DEFAULT-VALUE}).")
  private int durationSeconds;

  @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "5",
      description = "Seconds of chats at the same rate before --duration starts, 0-3600 (default ${DEFAULT-VALUE}): "
          + "counted for lost and duplicated, left out of the latencies, so that a cold JIT is not reported as the server.")
  private int warmupSeconds;

  @Option(names = "--chaos", paramLabel = "SHARE", defaultValue = "0",
      description = "The share of open connections dropped every second without a close frame, 0-1, e.g. 0.01 "
          + "(default ${DEFAULT-VALUE}); they reconnect with the protocol's backoff and resume.")
  private double chaos;

  @Option(names = "--body-bytes", paramLabel = "N", defaultValue = "64",
      description = "Bytes of each chat's body, 1-65536 (default ${DEFAULT-VALUE}).")
  private int bodyBytes;

  @Option(names = "--room-size", paramLabel = "N", defaultValue = "0",
      description = "0 for direct chats to a user drawn at random (default); otherwise the users form rooms of N "
          + "(--connections a multiple of N), join them before the run, and every chat goes to the sender's room, "
          + "delivered to the N-1 others.")
  private int roomSize;

  @Option(names = "--bare", description = "The URL is `longlink baseline`'s: plain text frames on the same client, no "
      + "auth, no protocol; the sender's own copy of a frame is its ack (an echo for direct chats).")
  private boolean bare;

  @Option(names = "--server-pid", paramLabel = "PID",
      description = "The server's process on this machine: the report then says its CPU time per chat in the "
          + "measured part and its resident memory (read from the kernel, so any server will do). Repeatable: a "
          + "cluster's nodes and its store, summed.")
  private List<Long> serverPids = new ArrayList<>();

  @Option(names = "--restart-after", paramLabel = "SECONDS", defaultValue = "0",
      description = "Without a URL only: restart the embedded reference server gracefully (goaway, close 1001, a new "
          + "server on the same port) this many seconds into --duration, while the chats go on. Its store is in memory: "
          + "what it had acked and not delivered goes with it (PROTOCOL.md LL-SHUT-4), reported apart; anything else "
          + "lost or delivered twice breaks the run. 0 (default) for no restart.")
  private int restartAfterSeconds;

  @Option(names = "--kill-after", paramLabel = "SECONDS", defaultValue = "0",
      description = "With --kill-pid: send SIGKILL to that node's process this many seconds into --duration, while the "
          + "chats go on; its users move to the next nodes. Nothing is excused: what it acked must still be delivered, "
          + "once. 0 (default) for no kill.")
  private int killAfterSeconds;

  @Option(names = "--kill-pid", paramLabel = "PID",
      description = "The process of one node, on this machine, to kill at --kill-after: it must be this user's and listen "
          + "on the port of a loopback node URL of the run (the java of `longlink serve`, not a shell around it).")
  private Long killPid;

  @Option(names = "--hold", paramLabel = "SECONDS", defaultValue = "0",
      description = "Seconds to keep the connections open and idle after the drain, 0-3600 (default ${DEFAULT-VALUE}): "
          + "time to measure the server's memory per connection (progress lines say \"hold\").")
  private int holdSeconds;

  @Option(names = "--connect-concurrency", paramLabel = "N", defaultValue = "100",
      description = "Opening handshakes in flight at once, 1-10000 (default ${DEFAULT-VALUE}).")
  private int connectConcurrency;

  @Option(names = "--drain", paramLabel = "SECONDS", defaultValue = "20",
      description = "Seconds to wait after the last send for acks and deliveries still owed, 1-600 (default "
          + "${DEFAULT-VALUE}); what is still missing then counts as lost. Give at least the server's redelivery "
          + "interval and the clients' longest backoff.")
  private int drainSeconds;

  @Option(names = "--report", paramLabel = "FILE", description = "Also write the report as JSON (format longlink-load/1) to FILE.")
  private Path report;

  @Option(names = "--jwt-secret", paramLabel = "SECRET",
      description = "The HS256 secret the server verifies tokens with. Better: set LONGLINK_JWT_SECRET.")
  private String jwtSecret;

  @Option(names = "--jwt-issuer", paramLabel = "ISS", description = "The iss claim of the tokens, if the server checks it.")
  private String issuer;

  @Option(names = "--jwt-audience", paramLabel = "AUD", description = "The aud claim of the tokens, if the server checks it.")
  private String audience;

  @Option(names = "--signing-secret", paramLabel = "SECRET",
      description = "The secret the server derives chat signing keys from, if it signs chats. Better: set LONGLINK_SIGNING_SECRET.")
  private String signingSecret;

  @Option(names = "--allow-remote", description = "Allow a URL whose host is not a loopback address: load only servers you run.")
  private boolean allowRemote;

  @Option(names = "--violate", paramLabel = "RULE-ID",
      description = "Without a URL only: make the embedded reference server break this rule (repeatable), e.g. LL-DLV-4, "
          + "to watch the run count what it loses.")
  private List<String> violate = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    CliContext context = parent.context();
    PrintWriter out = spec.commandLine().getOut();
    if (url != null && !violate.isEmpty()) {
      throw new UsageException("--violate works only on the embedded reference server: leave out the URL");
    }
    if (url != null && restartAfterSeconds != 0) {
      throw new UsageException("--restart-after restarts the embedded reference server: leave out the URL (a server "
          + "given by URL is yours to restart during the run; the report then counts what it lost)");
    }
    if (url == null && !nodes.isEmpty()) {
      throw new UsageException("--node adds a node to the URL's cluster: give the first node's URL too, e.g. "
          + "longlink load ws://127.0.0.1:8081/ws --node ws://127.0.0.1:8082/ws");
    }
    if (url == null && (killPid != null || killAfterSeconds != 0)) {
      throw new UsageException("--kill-after and --kill-pid kill a node given by URL: the embedded server runs in this "
          + "process (--restart-after restarts it)");
    }
    if ((killPid == null) != (killAfterSeconds == 0)) {
      throw new UsageException(killPid == null ? "--kill-after " + killAfterSeconds + " needs --kill-pid: the pid of the "
          + "node's process to kill" : "--kill-pid " + killPid + " needs --kill-after: the seconds into --duration to kill it at");
    }
    if (killPid != null && serverPids.contains(killPid)) {
      throw new UsageException("--server-pid and --kill-pid are both " + killPid + ": the CPU of a process killed mid-run "
          + "cannot be read at the run's end; give --server-pid another node's pid, or leave it out");
    }
    if (bare && url == null) {
      throw new UsageException("--bare needs the URL of `longlink baseline` (it prints it), e.g. ws://127.0.0.1:18081/bare");
    }
    Optional<ServerProcess> server;
    try {
      server = serverPids.isEmpty() ? Optional.empty() : Optional.of(ServerProcess.of(serverPids));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    byte[] embeddedSecret = url == null ? randomSecret() : null;
    JwtTokenSource tokens = url == null ? new JwtTokenSource(embeddedSecret, null, null, null)
        : bare ? new JwtTokenSource(randomSecret(), null, null, null) : tokens(context);
    LoadPlan plan;
    try {
      // Checked before anything starts; the embedded server's URL replaces the placeholder.
      plan = new LoadPlan(nodeUris(), tokens::token, tokens::signingKey, connections, rate,
          Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(durationSeconds), chaos, bodyBytes, roomSize,
          bare ? LoadPlan.Stack.BARE : LoadPlan.Stack.LONGLINK, connectConcurrency, Duration.ofSeconds(drainSeconds),
          Duration.ofSeconds(restartAfterSeconds), Duration.ofSeconds(killAfterSeconds), Duration.ofSeconds(holdSeconds),
          runId());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    Optional<NodeKill> kill;
    try {
      kill = killPid == null ? Optional.empty() : Optional.of(NodeKill.of(killPid, plan.nodes()));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    RestartableEmbedded embedded = null;
    try {
      if (url == null) {
        ServerConfig.Builder config = ServerConfig.builder(Profile.DEFAULT).host("127.0.0.1").port(0).jwtSecret(embeddedSecret);
        List<Violation> violations = new ArrayList<>();
        for (String id : violate) {
          violations.add(Violation.forRule(id).orElseThrow(() -> new UsageException("--violate " + id
              + ": the reference server has no switch for that rule; `longlink serve --list-violations` lists them")));
        }
        embedded = new RestartableEmbedded(config, violations);
        plan = plan.withUri(embedded.uri());
      }
      URI target = plan.uri();
      out.println("longlink load " + target + (bare ? " (bare)" : "")
          + (nodes.isEmpty() ? "" : " and " + String.join(", ", nodes)) + ": " + connections + " users"
          + (roomSize > 0 ? " in rooms of " + roomSize : "") + ", " + rate + " chats/s for " + durationSeconds
          + " s after " + warmupSeconds + " s of warm-up" + (chaos > 0 ? ", dropping " + chaos + " of connections a second" : "")
          + (killPid != null ? ", killing pid " + killPid + " after " + killAfterSeconds + " s" : "")
          + ", run " + plan.runId());
      out.flush();
      LoadReport result = LoadRun.run(plan, line -> {
        out.println(line);
        out.flush();
      }, server, embedded == null ? Optional.empty() : Optional.of(ServerRestart.inMemory(embedded::restart)), kill);
      if (result.established() == 0) {
        throw new TargetUnreachableException("no user got a session at " + target
            + ": check the URL, that the server runs, and the JWT secret; nothing was loaded");
      }
      out.print(result.text());
      if (report != null) {
        Files.writeString(report, result.json(), StandardCharsets.UTF_8);
        out.println("Report: " + report);
      }
      out.flush();
      return result.kept() ? ExitCodes.OK : ExitCodes.FAILED;
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  /** The embedded reference server, restartable on the same port. */
  private static final class RestartableEmbedded implements AutoCloseable {
    private final ServerConfig.Builder config;
    private final List<Violation> violations;
    private LonglinkServer server;

    RestartableEmbedded(ServerConfig.Builder config, List<Violation> violations) throws Exception {
      this.config = config;
      this.violations = violations;
      this.server = FaultyServer.start(config.build(), violations);
    }

    URI uri() {
      return server.uri();
    }

    synchronized void restart() throws Exception {
      int port = server.port();
      server.close();
      server = FaultyServer.start(config.port(port).build(), violations);
    }

    @Override
    public synchronized void close() throws Exception {
      server.close();
    }
  }

  /** The URL and each --node, checked; a placeholder for the embedded server, whose URL replaces it. */
  private List<URI> nodeUris() {
    if (url == null) {
      return List.of(URI.create("ws://127.0.0.1/embedded"));
    }
    List<URI> uris = new ArrayList<>();
    uris.add(loopbackUri(url, "URL"));
    for (String node : nodes) {
      uris.add(loopbackUri(node, "--node"));
    }
    return uris;
  }

  private URI loopbackUri(String text, String what) {
    URI uri;
    try {
      uri = URI.create(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException(what + " " + text + " is not a URL: " + e.getMessage() + "; give e.g. ws://127.0.0.1:8080/ws", e);
    }
    if (!"ws".equals(uri.getScheme()) && !"wss".equals(uri.getScheme())) {
      throw new UsageException(what + " " + text + " is not ws:// or wss://; give the server's WebSocket URL, e.g. ws://127.0.0.1:8080/ws");
    }
    if (!Cluster.loopback(uri) && !allowRemote) {
      throw new UsageException(what + " " + text + " is not on a loopback address; a load run sends a lot of traffic: give "
          + "--allow-remote to load a server you run elsewhere");
    }
    return uri;
  }

  private JwtTokenSource tokens(CliContext context) {
    String secret = jwtSecret != null ? jwtSecret : context.variable("LONGLINK_JWT_SECRET").orElse(null);
    if (secret == null) {
      throw new UsageException("no JWT secret: give --jwt-secret or set LONGLINK_JWT_SECRET to the secret the server "
          + "verifies tokens with, so that the load users can have tokens");
    }
    String signing = signingSecret != null ? signingSecret : context.variable("LONGLINK_SIGNING_SECRET").orElse(null);
    try {
      return new JwtTokenSource(JwtTokenSource.secretBytes(secret), signing == null ? null : JwtTokenSource.secretBytes(signing),
          issuer, audience);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  private static byte[] randomSecret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return JwtTokenSource.secretBytes(HexFormat.of().formatHex(bytes));
  }

  private static String runId() {
    return Long.toString(Math.floorMod(new SecureRandom().nextLong(), 36L * 36 * 36 * 36 * 36 * 36), 36);
  }
}
