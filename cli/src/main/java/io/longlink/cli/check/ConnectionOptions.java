package io.longlink.cli.check;

import io.longlink.cli.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** How the kit connects: extra headers and TLS trust. */
final class ConnectionOptions {

  /** RFC 9110 token characters. */
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Set<String> RESERVED = Set.of("host", "upgrade", "connection", "content-length");

  @Option(names = "--header", paramLabel = "NAME=VALUE",
      description = "An extra header for every opening handshake, e.g. a gateway's API key; repeatable.")
  private List<String> headers = new ArrayList<>();

  @Option(names = "--insecure", description = "Accept any TLS certificate (self-signed test servers only).")
  private boolean insecure;

  @Option(names = "--ca-file", paramLabel = "PEM", description = "A PEM file of extra CA certificates to trust.")
  private Path caFile;

  boolean insecure() {
    return insecure;
  }

  /** The CA file, checked to be readable. */
  Path caFile() {
    if (caFile != null && !Files.isReadable(caFile)) {
      throw new UsageException("--ca-file " + caFile + ": no readable file there; give the path of a PEM file of CA "
          + "certificates");
    }
    return caFile;
  }

  /** The headers, checked. */
  Map<String, String> headers() {
    Map<String, String> parsed = new LinkedHashMap<>();
    for (String header : headers) {
      int equals = header.indexOf('=');
      String name = equals < 0 ? "" : header.substring(0, equals).trim();
      String value = equals < 0 ? "" : header.substring(equals + 1).trim();
      if (equals < 0 || !HEADER_NAME.matcher(name).matches()) {
        throw new UsageException("--header '" + header + "': expected NAME=VALUE with a header name of letters, digits "
            + "and -, e.g. --header X-Api-Key=abc123");
      }
      String lower = name.toLowerCase(Locale.ROOT);
      if (RESERVED.contains(lower) || lower.startsWith("sec-websocket-")) {
        throw new UsageException("--header " + name + ": the kit sets this header itself for the WebSocket handshake; "
            + "give other headers only");
      }
      if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
        throw new UsageException("--header " + name + ": the value holds control characters, which headers cannot carry");
      }
      parsed.put(name, value);
    }
    return parsed;
  }
}
