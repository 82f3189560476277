package io.longlink.kit.settings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Everything a conformance run needs to reach its target. The runner installs one before the
 * scenarios start; steps read it through {@link #current()}.
 *
 * @param target the server's WebSocket URL (ws:// or wss://)
 * @param tokens where credentials come from
 * @param headers extra headers for every opening handshake (e.g. a staging gateway's API key)
 * @param insecure accept any TLS certificate (self-signed staging servers)
 * @param caFile a PEM file of extra trusted CA certificates, or null
 * @param timingSlack added to every timing bound (both directions) to absorb scheduling noise
 * @param maxConnections the most WebSocket connections the run may open in all
 * @param maxMessages the most messages the run may send in all
 * @param runId a unique token that prefixes the users, rooms and message ids of this run
 * @param otherNodes further WebSocket URLs of the same server (nodes of one cluster behind no
 *     common address); the kit spreads each scenario's connections over {@link #nodes()}
 */
public record KitSettings(
    URI target,
    TokenSource tokens,
    Map<String, String> headers,
    boolean insecure,
    Path caFile,
    Duration timingSlack,
    int maxConnections,
    int maxMessages,
    String runId,
    List<URI> otherNodes) {

  /** Default slack: generous enough for a busy 2-core machine, small next to the fast profile's timeouts. */
  public static final Duration DEFAULT_TIMING_SLACK = Duration.ofMillis(400);

  private static final AtomicReference<KitSettings> CURRENT = new AtomicReference<>();

  public KitSettings {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(tokens, "tokens");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(timingSlack, "timingSlack");
    Objects.requireNonNull(runId, "runId");
    otherNodes = List.copyOf(otherNodes);
  }

  /** Settings of a server reached at one URL. */
  public KitSettings(URI target, TokenSource tokens, Map<String, String> headers, boolean insecure, Path caFile,
      Duration timingSlack, int maxConnections, int maxMessages, String runId) {
    this(target, tokens, headers, insecure, caFile, timingSlack, maxConnections, maxMessages, runId, List.of());
  }

  /** Every URL of the server: the target first, then the other nodes in the order given. */
  public List<URI> nodes() {
    List<URI> all = new ArrayList<>(1 + otherNodes.size());
    all.add(target);
    all.addAll(otherNodes);
    return List.copyOf(all);
  }

  /** Makes these the settings of the scenarios about to run. */
  public static void install(KitSettings settings) {
    CURRENT.set(Objects.requireNonNull(settings));
  }

  /** The settings of the running scenarios. */
  public static KitSettings current() {
    KitSettings settings = CURRENT.get();
    if (settings == null) {
      throw new IllegalStateException("no target: run the features through `longlink check server` or the kit's "
          + "ConformanceRunner, which install the target settings first");
    }
    return settings;
  }
}
