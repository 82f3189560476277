package io.longlink.server.cli;

import io.longlink.protocol.SessionParameter;
import io.longlink.server.LonglinkServer;
import io.longlink.server.config.ConfigException;
import io.longlink.server.config.Flags;
import io.longlink.server.config.Profile;
import io.longlink.server.config.ServerConfig;
import io.longlink.server.redis.RedisStoreUri;
import io.longlink.server.store.StoreUnavailable;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code longlink serve}: runs the reference server until it is interrupted (then shuts down
 * gracefully). Secrets come from the environment so that they stay out of shell history and
 * process listings.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Run the Longlink reference server.",
    footer = {"", "Secrets are read from the environment: LONGLINK_JWT_SECRET (required, at least 32 bytes),",
        "LONGLINK_SIGNING_SECRET (turns chat signing on), LONGLINK_KEYSTORE_PASSWORD (with --keystore)."})
public final class ServeCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--profile", defaultValue = "default", paramLabel = "NAME",
      description = "default (the spec's defaults) or fast (short intervals for conformance runs). Default: ${DEFAULT-VALUE}.")
  String profile;

  @Option(names = "--host", defaultValue = "0.0.0.0", paramLabel = "ADDRESS", description = "Address to listen on. Default: ${DEFAULT-VALUE}.")
  String host;

  @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT", description = "Port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--path", defaultValue = "/ws", paramLabel = "PATH", description = "WebSocket endpoint path. Default: ${DEFAULT-VALUE}.")
  String path;

  @Option(names = "--keystore", paramLabel = "FILE", description = "PKCS12 keystore: serve wss:// instead of ws://.")
  Path keystore;

  @Option(names = "--permessage-deflate", description = "Accept the permessage-deflate extension (RFC 7692) when a "
      + "client offers it (browsers always do): fewer bytes on the wire for long chats, for a compressor and a "
      + "decompressor held by every connection that has it. Off by default.")
  boolean permessageDeflate;

  @Option(names = "--jwt-issuer", paramLabel = "ISS", description = "Require this iss claim in tokens.")
  String jwtIssuer;

  @Option(names = "--jwt-audience", paramLabel = "AUD", description = "Require this aud claim in tokens.")
  String jwtAudience;

  @Option(names = "--max-total-pending", defaultValue = "1000000", paramLabel = "N",
      description = "Pending deliveries held for all users together. Default: ${DEFAULT-VALUE}.")
  long maxTotalPending;

  @Option(names = "--max-dedup-entries", defaultValue = "5000000", paramLabel = "N",
      description = "Message ids remembered for all users together; at the bound new chats are refused (unavailable), "
          + "never forgotten early. Default: ${DEFAULT-VALUE}.")
  long maxDedupEntries;

  @Option(names = "--max-outbound-frames", defaultValue = "1024", paramLabel = "N",
      description = "Messages queued for one connection before it is closed as a slow consumer (4010). Default: ${DEFAULT-VALUE}.")
  int maxOutboundFrames;

  @Option(names = "--max-outbound-bytes", paramLabel = "BYTES",
      description = "Bytes queued for one connection before it is closed as a slow consumer (4010). "
          + "Default: twice delivery.max_pending_bytes.")
  Long maxOutboundBytes;

  @Option(names = "--max-total-pending-bytes", paramLabel = "BYTES",
      description = "Bytes of pending deliveries held for all users together; past it chats are refused (unavailable). "
          + "Default: a quarter of the maximum heap.")
  Long maxTotalPendingBytes;

  @Option(names = "--max-pending-bytes-per-sender", paramLabel = "BYTES",
      description = "Bytes of pending deliveries one sender's chats may hold, all recipients together; past it that "
          + "sender's chats are refused (unavailable). Default: an eighth of --max-total-pending-bytes.")
  Long maxPendingBytesPerSender;

  @Option(names = "--max-total-outbound-bytes", paramLabel = "BYTES",
      description = "Bytes queued for sending on all connections together; past it the connections holding the most are "
          + "closed as slow consumers (4010). Default: a quarter of the maximum heap.")
  Long maxTotalOutboundBytes;

  @Option(names = "--retry-after-ms", defaultValue = "1000", paramLabel = "MS",
      description = "retry_after_ms of goaway on shutdown and on the connection limit. Default: ${DEFAULT-VALUE}.")
  long retryAfterMs;

  @Option(names = "--max-unauthenticated", defaultValue = "" + ServerConfig.DEFAULT_MAX_UNAUTHENTICATED, paramLabel = "N",
      description = "Connections without a session (upgrading, or awaiting auth) held at once; more are closed as soon as "
          + "they are accepted. Keep well below ulimit -n. Default: ${DEFAULT-VALUE}.")
  int maxUnauthenticated;

  @Option(names = "--max-unauthenticated-per-address", defaultValue = "" + ServerConfig.DEFAULT_MAX_UNAUTHENTICATED_PER_ADDRESS,
      paramLabel = "N", description = "The same bound for one remote IP address; leave room for clients behind one NAT. "
          + "Default: ${DEFAULT-VALUE}.")
  int maxUnauthenticatedPerAddress;

  @Option(names = "--store", paramLabel = "URL", description = "Where pending deliveries, dedup, rooms and seqs are kept: "
      + "memory (this process; lost when it ends) or redis://HOST:PORT[/DB][?prefix=P] (shared by every node with the same "
      + "URL; as durable as that Redis is configured to be, README \"Several nodes on Redis\"). The password comes from "
      + "LONGLINK_REDIS_PASSWORD. Default: ${DEFAULT-VALUE}.", defaultValue = "memory")
  String store;

  private final Environment environment;
  private Launcher launcher = LonglinkServer::start;
  private final CountDownLatch stopped = new CountDownLatch(1);

  public ServeCommand() {
    this(System::getenv);
  }

  ServeCommand(Environment environment) {
    this.environment = environment;
  }

  /** Reads environment variables; tests pass their own. */
  @FunctionalInterface
  public interface Environment {
    String get(String name);
  }

  /**
   * What starts the server once the options are read. A tool that wraps {@code serve} passes its
   * own, with options of its own (picocli reads them as a mixin), e.g. one that builds the server
   * from other {@link io.longlink.server.ServerParts}.
   */
  public interface Launcher {

    LonglinkServer start(ServerConfig config) throws Exception;

    /** Problems with the launcher's own options, reported with the server's. */
    default List<String> problems() {
      return List.of();
    }

    /** Runs instead of the server when it returns true (an option that prints and exits). */
    default boolean runsInstead(PrintWriter out) {
      return false;
    }
  }

  /** A command line for {@code serve}, with one option per session parameter of PROTOCOL.md §6. */
  public static CommandLine commandLine() {
    return commandLine(new ServeCommand());
  }

  /** The same, started by {@code launcher}, whose picocli options join serve's. */
  public static CommandLine commandLine(Launcher launcher) {
    ServeCommand command = new ServeCommand();
    command.launcher = launcher;
    CommandLine cli = commandLine(command);
    cli.addMixin("launcher", launcher);
    return cli;
  }

  static CommandLine commandLine(ServeCommand command) {
    CommandLine cli = new CommandLine(command);
    for (SessionParameter p : SessionParameter.values()) {
      cli.getCommandSpec().addOption(OptionSpec.builder(Flags.of(p))
          .paramLabel(p.path().endsWith("_ms") ? "MS" : "N")
          .type(String.class)
          .description("Advertised " + p.path() + " (" + p.rangeText() + "). Default: the profile's.")
          .build());
    }
    return cli;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (launcher.runsInstead(out)) {
      out.flush();
      return 0;
    }
    ServerConfig config;
    try {
      config = config();
    } catch (ConfigException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 2;
    }
    LonglinkServer server;
    try {
      server = launcher.start(config);
    } catch (StoreUnavailable e) {
      spec.commandLine().getErr().println("longlink serve: " + e.getMessage());
      return 2;
    } catch (ConfigException e) {
      // What only the launcher can judge, e.g. a switch that cannot act on this store.
      spec.commandLine().getErr().println(e.getMessage());
      return 2;
    } catch (Exception e) {
      if (!bindFailure(e)) {
        throw e;
      }
      spec.commandLine().getErr().println("longlink serve: port " + port + " on " + host + " is in use (or not ours to "
          + "bind); stop what listens there, or give --port another port (0 picks a free one)");
      return 2;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception e) {
        spec.commandLine().getErr().println("shutdown failed: " + e);
      } finally {
        stopped.countDown();
      }
    }, "longlink-shutdown"));
    out.println("Longlink reference server on " + server.uri() + " (profile " + profile + "); Ctrl-C stops it");
    out.flush();
    stopped.await();
    return 0;
  }

  private static boolean bindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.BindException) {
        return true;
      }
    }
    return false;
  }

  ServerConfig config() {
    List<String> problems = new ArrayList<>();
    Profile chosen;
    try {
      chosen = Profile.valueOf(profile.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(List.of("--profile is '" + profile + "'; use default or fast"));
    }
    ServerConfig.Builder b = ServerConfig.builder(chosen).host(host).port(port).path(path)
        .jwtIssuer(jwtIssuer).jwtAudience(jwtAudience)
        .maxTotalPending(maxTotalPending).maxDedupEntries(maxDedupEntries).maxOutboundFrames(maxOutboundFrames).retryAfterMs(retryAfterMs)
        .maxUnauthenticated(maxUnauthenticated).maxUnauthenticatedPerAddress(maxUnauthenticatedPerAddress)
        .maxOutboundBytes(maxOutboundBytes).maxTotalPendingBytes(maxTotalPendingBytes).maxTotalOutboundBytes(maxTotalOutboundBytes)
        .maxPendingBytesPerSender(maxPendingBytesPerSender).permessageDeflate(permessageDeflate);
    if (!store.equals("memory")) {
      try {
        b.store(RedisStoreUri.withPassword(store, environment.get("LONGLINK_REDIS_PASSWORD")));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(List.of(e.getMessage()));
      }
    }
    b.jwtSecret(bytes(environment.get("LONGLINK_JWT_SECRET")));
    b.signingSecret(bytes(environment.get("LONGLINK_SIGNING_SECRET")));
    if (keystore != null) {
      b.tls(keystore, environment.get("LONGLINK_KEYSTORE_PASSWORD"));
    }
    for (SessionParameter p : SessionParameter.values()) {
      String value = spec.findOption(Flags.of(p)).getValue();
      if (value != null) {
        try {
          boolean fraction = p == SessionParameter.RECONNECT_MULTIPLIER || p == SessionParameter.RECONNECT_JITTER;
          b.set(p, fraction ? (Number) Double.parseDouble(value) : (Number) Long.parseLong(value));
        } catch (NumberFormatException e) {
          problems.add(Flags.of(p) + " is '" + value + "'; give a number in " + p.rangeText());
        }
      }
    }
    problems.addAll(launcher.problems());
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return b.build();
  }

  private static byte[] bytes(String secret) {
    return secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
  }

  /** Stops a running {@link #call()} (tests). */
  void stop() {
    stopped.countDown();
  }
}
