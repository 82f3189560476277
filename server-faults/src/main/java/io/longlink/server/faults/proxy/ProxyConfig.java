package io.longlink.server.faults.proxy;

import io.longlink.server.faults.Faults;
import io.longlink.server.faults.Violation;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link BreakingProxy} is to do.
 *
 * @param upstream the WebSocket URL of the server behind the proxy, ws:// or wss://; its path is where
 *     every client connection goes, whatever path the client asked for, with the client's query appended
 * @param host the address to listen on (a loopback address by default: the proxy breaks rules for tests)
 * @param port the port to listen on, 0 for any free one
 * @param violations the switches to apply, each {@linkplain Faults#proxyable proxyable}
 * @param network the faults of the network between the proxy and its clients
 * @param connectTimeout how long an upstream connection may take to open
 */
public record ProxyConfig(URI upstream, String host, int port, List<Violation> violations, NetworkFaults network,
    Duration connectTimeout) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  public ProxyConfig {
    String scheme = upstream.getScheme();
    if (!"ws".equals(scheme) && !"wss".equals(scheme)) {
      throw new IllegalArgumentException("UPSTREAM " + upstream + " is not a ws:// or wss:// URL; give the server's "
          + "WebSocket URL, e.g. ws://127.0.0.1:8080/ws");
    }
    if (upstream.getHost() == null) {
      throw new IllegalArgumentException("UPSTREAM " + upstream + " has no host; give the server's WebSocket URL, e.g. "
          + "ws://127.0.0.1:8080/ws");
    }
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("--host is empty; give an address of this machine, e.g. 127.0.0.1");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("--port is " + port + "; give 0-65535 (0 picks a free port)");
    }
    // A switch given twice is one switch, as in the reference server.
    violations = List.copyOf(new LinkedHashSet<>(violations));
    for (Violation v : violations) {
      Optional<String> why = Faults.notThroughAProxy(v);
      if (why.isPresent()) {
        throw new IllegalArgumentException("--violate " + v.switchId() + ": the proxy cannot break it: " + why.get());
      }
    }
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("the upstream connect timeout is " + connectTimeout + "; give a positive one");
    }
  }

  /** A proxy in front of {@code upstream} on a free loopback port, breaking nothing. */
  public static ProxyConfig to(URI upstream) {
    return new ProxyConfig(upstream, DEFAULT_HOST, 0, List.of(), NetworkFaults.none(), DEFAULT_CONNECT_TIMEOUT);
  }

  public ProxyConfig host(String address) {
    return new ProxyConfig(upstream, address, port, violations, network, connectTimeout);
  }

  public ProxyConfig port(int number) {
    return new ProxyConfig(upstream, host, number, violations, network, connectTimeout);
  }

  public ProxyConfig violations(List<Violation> switches) {
    return new ProxyConfig(upstream, host, port, switches, network, connectTimeout);
  }

  public ProxyConfig network(NetworkFaults faults) {
    return new ProxyConfig(upstream, host, port, violations, faults, connectTimeout);
  }

  public ProxyConfig connectTimeout(Duration timeout) {
    return new ProxyConfig(upstream, host, port, violations, network, timeout);
  }
}
