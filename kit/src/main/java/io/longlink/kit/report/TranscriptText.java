package io.longlink.kit.report;

import io.longlink.kit.wire.Transcript;
import io.longlink.kit.wire.TranscriptEvent;
import io.longlink.kit.wire.TranscriptEvent.Direction;
import io.longlink.kit.wire.TranscriptEvent.Kind;
import java.util.ArrayList;
import java.util.List;

/** A failure's transcript for the console ({@code --verbose}): one line per event, the frame as on the wire. */
final class TranscriptText {

  private static final String INDENT = "            ";

  private TranscriptText() {}

  static List<String> lines(Transcript transcript) {
    List<String> lines = new ArrayList<>();
    int width = transcript.connections().stream().mapToInt(String::length).max().orElse(0);
    lines.add("          transcript (" + transcript.events().size() + " events; → towards the server, ← from it):");
    for (TranscriptEvent e : transcript.events()) {
      if (e.kind() == Kind.OMITTED) {
        lines.add(INDENT + String.format("%7d ms  ", e.tMs()) + e.text());
        continue;
      }
      lines.add(INDENT + String.format("%7d ms  %-" + Math.max(1, width) + "s  %s ", e.tMs(), e.connection(),
          e.direction() == Direction.SENT ? "→" : "←") + Markup.terminal(what(e)));
    }
    return lines;
  }

  private static String what(TranscriptEvent e) {
    String note = e.reason() == null || e.reason().isEmpty() ? "" : " (" + e.reason() + ")";
    String keepalive = e.keepalive() ? " (keepalive)" : "";
    String cut = e.cut() ? "… (" + e.length() + " characters)" : "";
    return switch (e.kind()) {
      case TEXT -> e.text() + cut + note + keepalive;
      case CLOSE -> "close " + e.code() + (e.reason() == null || e.reason().isEmpty() ? "" : " \"" + e.reason() + "\"");
      case END -> "end, without a close frame: " + e.reason();
      default -> e.kind().label() + " " + (e.text() == null ? "" : e.text() + cut) + note;
    };
  }
}
