package io.longlink.kit.client.steps;

import io.longlink.kit.CheckFailure;

/** The one check of a measured wait against its bounds, with the measurement in the failure. */
final class Timing {

  private Timing() {}

  static void within(String what, long measuredMs, long lowMs, long highMs) {
    if (measuredMs < lowMs || measuredMs > highMs) {
      throw new CheckFailure(what + " within [" + lowMs + ", " + highMs + "] ms",
          "it took " + measuredMs + " ms", new CheckFailure.Timing(measuredMs, "[" + lowMs + ", " + highMs + "] ms"));
    }
  }
}
