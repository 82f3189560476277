package io.longlink.client;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/** The checks on the server URI: TLS outside loopback (LL-SEC-1), no token in it (LL-SEC-2). */
final class Endpoint {

  private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

  private Endpoint() {}

  static void check(URI uri, String token) {
    if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
      throw new ClientConfigException("uri", "is " + uri + "; give an absolute URI such as wss://chat.example.com/ws");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("wss") && !scheme.equals("ws")) {
      throw new ClientConfigException("uri", "has scheme " + scheme + "; Longlink runs over wss:// (or ws:// on loopback)");
    }
    if (scheme.equals("ws") && !isLoopback(uri.getHost())) {
      throw new ClientConfigException("uri", "is ws:// to " + uri.getHost() + ", which is not a loopback host; "
          + "plain ws:// is allowed only for localhost, 127.0.0.0/8 and ::1, use wss:// (LL-SEC-1)");
    }
    // A short string could match the URL by chance; real tokens are far longer than 8 characters.
    if (token != null && token.length() >= 8 && uri.toString().contains(token)) {
      throw new ClientConfigException("uri", "contains the token; URLs end up in logs, so the token travels only "
          + "inside auth: remove it from the URI (LL-SEC-2)");
    }
  }

  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.equals("localhost") || IPV4_LOOPBACK.matcher(h).matches() || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
  }
}
