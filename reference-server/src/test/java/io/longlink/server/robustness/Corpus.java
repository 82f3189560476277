package io.longlink.server.robustness;

import io.longlink.server.robustness.HostileInput.Attack;
import java.util.ArrayList;
import java.util.List;

/** Collects the inputs of one family; hands out message ids no other input uses, so that dedup never links two inputs. */
final class Corpus {

  /**
   * limits.max_message_bytes of the main server: small, so that frames at the limit are cheap, yet
   * large enough for an auth whose token has the 8192 characters its schema allows.
   */
  static final int MAX_BYTES = 16_384;

  /** limits.rate_messages of the flood server (its window is a minute, so that no flood outlasts it). */
  static final long FLOOD_RATE = 10;

  /** signing.replay_window_ms of the signing server. */
  static final long REPLAY_WINDOW_MS = 30_000;

  /** limits.auth_timeout_ms of the main server. */
  static final long AUTH_TIMEOUT_MS = 2_000;

  /** How much earlier than a timer's bound a close can be seen: the client starts counting after the server does. */
  static final long EARLY_MS = 100;

  /** How much later than a timer's bound a close can be seen on a busy machine. */
  static final long LATE_MS = 1_500;

  private static int nextId;

  private final String family;
  private final List<HostileInput> inputs = new ArrayList<>();

  Corpus(String family) {
    this.family = family;
  }

  static synchronized String id(String prefix) {
    return prefix + "-" + (++nextId);
  }

  void add(String name, Expected expected, Attack attack) {
    inputs.add(new HostileInput(family, name, expected, attack));
  }

  List<HostileInput> inputs() {
    return inputs;
  }

  /** Every family of the corpus. */
  static List<HostileInput> all() {
    List<HostileInput> all = new ArrayList<>();
    all.addAll(SchemaInputs.all());
    all.addAll(FrameInputs.all());
    all.addAll(OddJsonInputs.all());
    all.addAll(TransportInputs.all());
    all.addAll(AuthInputs.all());
    all.addAll(HandshakeInputs.all());
    all.addAll(AbuseInputs.all());
    return all;
  }
}
