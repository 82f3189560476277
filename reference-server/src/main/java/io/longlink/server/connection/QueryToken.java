package io.longlink.server.connection;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Finds a token in a URL query; only the LL-SEC-3 violation switch looks there. */
final class QueryToken {

  private QueryToken() {}

  static String find(String query) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        String name = pair.substring(0, eq);
        if (name.equals("token") || name.equals("access_token")) {
          return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
      }
    }
    return null;
  }
}
