package io.longlink.kit.steps;

import io.cucumber.java.After;
import io.longlink.kit.CheckFailure;
import java.util.ArrayList;
import java.util.List;

/** What every scenario checks at its end, and how it cleans up. */
public final class Hooks {

  private final Links links;
  private final Scratch scratch;

  public Hooks(Links links, Scratch scratch) {
    this.links = links;
    this.scratch = scratch;
  }

  /** Every frame of every connection was a valid server message (LL-MSG-1): a violation fails the scenario it shows up in. */
  @After(order = 100)
  public void everyFrameWasValid() {
    List<String> problems = new ArrayList<>();
    for (Link link : links.everything()) {
      for (String p : link.socket().problems()) {
        if (!p.startsWith("a binary frame")) {
          problems.add(link.label() + ": " + p);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new CheckFailure("every message the server sends to validate against its schema (LL-MSG-1)",
          String.join("; ", problems));
    }
  }

  @After(order = 10)
  public void closeEverything() {
    links.closeEverything();
    scratch.closeRaw();
  }
}
