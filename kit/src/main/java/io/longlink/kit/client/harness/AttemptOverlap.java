package io.longlink.kit.client.harness;

import io.longlink.kit.client.harness.HarnessEvent.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * LL-RC-3 on the record of a scenario: no attempt arrives while another attempt of the client
 * has neither got {@code auth_ok} nor been closed by either side. Judged afterwards, with a
 * grace for the order in which the harness's threads see two sockets' events.
 */
public final class AttemptOverlap {

  private AttemptOverlap() {}

  /** "connection #2 arrived 340 ms before connection #1 got auth_ok or was closed", one per overlap. */
  public static List<String> find(List<HarnessEvent> events, long graceMs) {
    Map<Integer, Long> accepted = new HashMap<>();
    Map<Integer, Long> settled = new HashMap<>();
    for (HarnessEvent e : events) {
      if (e.kind() == Kind.ATTEMPT) {
        accepted.put(e.connection(), e.nanos());
      } else if (endsAttempt(e)) {
        settled.putIfAbsent(e.connection(), e.nanos());
      }
    }
    List<String> overlaps = new ArrayList<>();
    for (Map.Entry<Integer, Long> later : accepted.entrySet()) {
      for (Map.Entry<Integer, Long> earlier : accepted.entrySet()) {
        if (earlier.getKey() >= later.getKey()) {
          continue;
        }
        long end = settled.getOrDefault(earlier.getKey(), Long.MAX_VALUE);
        if (later.getValue() + graceMs * 1_000_000 < end) {
          overlaps.add("connection #" + later.getKey() + " arrived while connection #" + earlier.getKey()
              + " had neither got auth_ok nor been closed" + (end == Long.MAX_VALUE ? "" : " (that came "
              + (end - later.getValue()) / 1_000_000 + " ms later)"));
        }
      }
    }
    return overlaps;
  }

  private static boolean endsAttempt(HarnessEvent e) {
    return switch (e.kind()) {
      case CLOSE_IN, CLOSE_OUT, DROP, TCP_END, REFUSED -> true;
      case FRAME_OUT -> e.text() != null && e.text().startsWith("{\"type\":\"auth_ok\"");
      default -> false;
    };
  }
}
