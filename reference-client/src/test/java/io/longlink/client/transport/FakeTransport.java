package io.longlink.client.transport;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A transport that plays the server in memory: the test opens, feeds and closes each link. */
public final class FakeTransport implements Transport {

  private final List<FakeLink> links = new ArrayList<>();

  @Override
  public Link open(URI uri, String subprotocol, Duration openWithin, LinkListener listener) {
    FakeLink link = new FakeLink(uri, subprotocol, listener);
    links.add(link);
    return link;
  }

  /** Every link the client opened, oldest first. */
  public List<FakeLink> links() {
    return links;
  }

  /** The link opened last. */
  public FakeLink last() {
    if (links.isEmpty()) {
      throw new AssertionError("the client opened no link");
    }
    return links.get(links.size() - 1);
  }
}
