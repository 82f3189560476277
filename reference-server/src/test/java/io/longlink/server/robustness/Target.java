package io.longlink.server.robustness;

import java.net.URI;

/** One of the servers the corpus attacks. */
record Target(String label, URI uri) {

  URI metrics() {
    return URI.create("http://" + uri.getHost() + ":" + uri.getPort() + "/metrics");
  }
}
