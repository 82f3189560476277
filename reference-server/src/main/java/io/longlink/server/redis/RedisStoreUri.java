package io.longlink.server.redis;

import io.lettuce.core.RedisURI;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the Redis store is: {@code redis://[:PASSWORD@]HOST:PORT[/DB][?prefix=P&timeout_ms=N&presence_ttl_ms=N]}
 * ({@code rediss://} for TLS). The prefix lets several clusters share one Redis; the password
 * never appears in {@link #redacted()}, which is what logs and errors show.
 */
public record RedisStoreUri(RedisURI redisUri, String prefix, long timeoutMs, long presenceTtlMs, String redacted) {

  public static final String DEFAULT_PREFIX = "longlink:";

  /** Parses {@code text}; the message of the exception says what was wrong and what is allowed. */
  public static RedisStoreUri parse(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("--store " + redactText(text) + " is not a URL: " + e.getReason()
          + "; use redis://HOST:PORT, e.g. redis://127.0.0.1:6379");
    }
    if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
      throw new IllegalArgumentException("--store " + redactText(text) + " has scheme '" + uri.getScheme()
          + "'; use memory (the default) or redis://HOST:PORT (rediss:// for TLS)");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("--store " + redactText(text) + " has no host; use redis://HOST:PORT");
    }
    Map<String, String> query = query(uri.getRawQuery(), text);
    String prefix = query.getOrDefault("prefix", DEFAULT_PREFIX);
    long timeoutMs = positive(query, "timeout_ms", 2_000, text);
    long ttlMs = positive(query, "presence_ttl_ms", 10_000, text);
    for (String key : query.keySet()) {
      if (!key.equals("prefix") && !key.equals("timeout_ms") && !key.equals("presence_ttl_ms")) {
        throw new IllegalArgumentException("--store has an unknown parameter '" + key
            + "'; allowed: prefix, timeout_ms, presence_ttl_ms");
      }
    }
    RedisURI.Builder b = RedisURI.builder().withHost(uri.getHost()).withPort(uri.getPort() < 0 ? 6379 : uri.getPort())
        .withSsl("rediss".equals(uri.getScheme())).withTimeout(Duration.ofMillis(timeoutMs));
    String path = uri.getPath();
    if (path != null && path.length() > 1) {
      try {
        b.withDatabase(Integer.parseInt(path.substring(1)));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--store " + redactText(text) + " has path '" + path
            + "'; the path is a database number, e.g. redis://127.0.0.1:6379/0");
      }
    }
    String userInfo = uri.getUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      if (colon >= 0) {
        String user = userInfo.substring(0, colon);
        String password = userInfo.substring(colon + 1);
        // getUserInfo() has already decoded %XX.
        if (user.isEmpty()) {
          b.withPassword(password.toCharArray());
        } else {
          b.withAuthentication(user, password.toCharArray());
        }
      } else {
        b.withPassword(userInfo.toCharArray());
      }
    }
    return new RedisStoreUri(b.build(), prefix, timeoutMs, ttlMs, redactText(text));
  }

  /**
   * {@code url}, checked, with {@code password} (from the environment, so that it is not on a
   * command line) put in when the URL has none; the URL as given when {@code password} is null.
   */
  public static String withPassword(String url, String password) {
    parse(url);
    if (password == null || password.isEmpty() || url.matches("rediss?://[^/]*@.*")) {
      return url;
    }
    int at = url.indexOf("://") + 3;
    return url.substring(0, at) + ":" + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20") + "@" + url.substring(at);
  }

  private static Map<String, String> query(String raw, String text) {
    Map<String, String> q = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return q;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--store " + redactText(text) + " has a parameter '" + pair
            + "' without a value; use NAME=VALUE");
      }
      q.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
    }
    return q;
  }

  private static long positive(Map<String, String> q, String key, long dflt, String text) {
    String v = q.get(key);
    if (v == null) {
      return dflt;
    }
    try {
      long n = Long.parseLong(v);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through to the message
    }
    throw new IllegalArgumentException("--store " + redactText(text) + " has " + key + "=" + v
        + "; use a whole number of milliseconds, 1 or more");
  }

  /** The URL with any password replaced by ***. */
  static String redactText(String text) {
    return text.replaceAll("(rediss?://)[^@/]*@", "$1***@");
  }
}
