package io.longlink.kit.steps;

import io.longlink.kit.wire.RawFrames;
import java.util.ArrayList;
import java.util.List;

/** What one scenario's steps hand to later steps: values learned, ids chosen, connections set aside. */
public final class Scratch {

  /** Ids of the join and leave messages sent, in order. */
  final List<String> roomRequests = new ArrayList<>();
  /** The connection a step opened beyond a role's sessions ("that connection"). */
  Link extra;
  /** A connection at the frame level ("that raw connection"). */
  RawFrames raw;
  /** limits.auth_timeout_ms, learned from a probe session. */
  long authTimeoutMs;
  /** When "that connection" was opened. */
  long openedNanos;
  /** The chat that filled a queue first. */
  Ledger.Sent firstQueued;
  /** The chats that filled a queue by bytes, and the sizes of their deliveries added up. */
  final List<Ledger.Sent> queued = new ArrayList<>();
  long queuedBytes;

  void closeRaw() {
    if (raw != null) {
      raw.close();
    }
  }
}
