package io.longlink.cli.check;

import io.longlink.cli.UsageException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The WebSocket URL of the server to check, as given on the command line. */
record TargetUrl(URI uri) {

  private static final String EXAMPLES = "e.g. wss://chat.example.com/ws, or ws://localhost:8080/ws on your own machine";
  private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

  /** Reads a ws:// or wss:// URL with a host. */
  static TargetUrl parse(String text) {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new UsageException("URL '" + text + "' is not a URL (" + e.getReason() + "); give the server's WebSocket URL, "
          + EXAMPLES);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("ws") && !scheme.equals("wss")) {
      throw new UsageException("URL '" + text + "' has " + (scheme.isEmpty() ? "no scheme" : "the scheme " + scheme + "://")
          + "; a Longlink server is reached over WebSocket, so use wss:// (or ws:// on loopback and test networks), "
          + EXAMPLES);
    }
    if (uri.getHost() == null) {
      throw new UsageException("URL '" + text + "' has no host; " + EXAMPLES);
    }
    return new TargetUrl(uri);
  }

  /** Whether the host is this machine: localhost, 127.x.x.x or ::1. Names are not resolved. */
  boolean loopback() {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return host.equals("localhost") || host.endsWith(".localhost") || host.equals("::1")
        || host.equals("0:0:0:0:0:0:0:1") || (IPV4.matcher(host).matches() && host.startsWith("127."));
  }

  /** A warning for ws:// to another machine: PROTOCOL.md LL-SEC-1 wants wss:// there, and tokens travel in clear. */
  Optional<String> cleartextWarning() {
    if (!uri.getScheme().equalsIgnoreCase("ws") || loopback()) {
      return Optional.empty();
    }
    return Optional.of("warning: " + uri + " is not encrypted and " + uri.getHost() + " is not a loopback address: "
        + "the kit's tokens will cross the network in clear text, and PROTOCOL.md LL-SEC-1 requires clients to use "
        + "wss:// outside loopback. Use wss:// unless this is an isolated test network.");
  }
}
