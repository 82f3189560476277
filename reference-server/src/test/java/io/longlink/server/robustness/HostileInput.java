package io.longlink.server.robustness;

/**
 * One hostile input: what it is (its name reads as a sentence in a failure), the outcome the spec
 * gives it, and how to send it.
 *
 * @param family the generator it comes from
 * @param name what the input is, e.g. "chat with body holding a lone surrogate"
 */
record HostileInput(String family, String name, Expected expected, Attack attack) {

  /** Sends the input and records what the server did. */
  @FunctionalInterface
  interface Attack {
    Observed run(Arena arena) throws Exception;
  }

  /** The line a failure prints. */
  String failure(Observed seen) {
    return family + ": " + name + ": expected " + expected.describe() + ", saw " + seen.describe();
  }
}
