package io.longlink.kit.report;

import static io.longlink.kit.report.Markup.html;

import io.longlink.kit.wire.Transcript;
import io.longlink.kit.wire.TranscriptEvent;
import io.longlink.kit.wire.TranscriptEvent.Direction;
import io.longlink.kit.wire.TranscriptEvent.Kind;
import java.util.List;

/**
 * A failed scenario's transcript as an inline SVG sequence diagram: one lifeline per connection
 * and one for the server, an arrow per frame with its short label, the time on the left. Hovering
 * an arrow shows the whole frame; clicking it jumps to its row in the table below. The kit's own
 * keepalive pings and pongs are left out of the drawing (the table has them, folded): they are
 * noise in nearly every failure. Static SVG, no script, so the report opens from a file.
 */
final class SequenceDiagram {

  private static final int LEFT = 78;
  private static final int TOP = 44;
  private static final int ROW = 24;
  private static final int LABEL_CHARS = 24;

  private SequenceDiagram() {}

  /**
   * @param rowIds the prefix of the ids of the table's rows: event {@code i} is row {@code rowIds + "-" + i}
   */
  static void render(StringBuilder page, Transcript transcript, String rowIds) {
    List<String> lanes = transcript.connections();
    List<TranscriptEvent> events = transcript.events();
    long drawn = events.stream().filter(e -> !e.keepalive()).count();
    int lane = lanes.size() > 5 ? 150 : 190;
    int serverX = LEFT + lane / 2 + lanes.size() * lane + 40;
    int width = serverX + lane / 2 + 10;
    int height = TOP + (int) drawn * ROW + 16;
    page.append("<div class=\"diagram\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" role=\"img\" aria-label=\"sequence diagram of the scenario's frames\">")
        .append("<defs><marker id=\"").append(rowIds).append("-head\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" ")
        .append("markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\"/></marker></defs>");
    for (int i = 0; i <= lanes.size(); i++) {
      boolean server = i == lanes.size();
      int x = server ? serverX : laneX(i, lane);
      String name = server ? "server" : lanes.get(i);
      page.append("<g class=\"lane").append(server ? " server" : "").append("\"><title>").append(html(name))
          .append("</title><rect x=\"").append(x - lane / 2 + 6).append("\" y=\"4\" width=\"").append(lane - 12)
          .append("\" height=\"26\" rx=\"4\"/><text x=\"").append(x).append("\" y=\"21\">").append(html(cut(name, LABEL_CHARS)))
          .append("</text><line x1=\"").append(x).append("\" y1=\"30\" x2=\"").append(x).append("\" y2=\"").append(height)
          .append("\"/></g>");
    }
    int y = TOP;
    for (int i = 0; i < events.size(); i++) {
      TranscriptEvent e = events.get(i);
      if (e.keepalive()) {
        continue;
      }
      y += ROW;
      page.append("<a href=\"#").append(rowIds).append('-').append(i).append("\">");
      if (e.kind() == Kind.OMITTED) {
        page.append("<g class=\"omitted\"><rect x=\"").append(LEFT).append("\" y=\"").append(y - 16).append("\" width=\"")
            .append(serverX - LEFT).append("\" height=\"20\"/><text x=\"").append((LEFT + serverX) / 2).append("\" y=\"")
            .append(y - 2).append("\">").append(html(e.text())).append("</text></g></a>");
        continue;
      }
      int from = laneX(lanes.indexOf(e.connection()), lane);
      int to = serverX;
      if (e.direction() == Direction.RECEIVED) {
        int swap = from;
        from = to;
        to = swap;
      }
      page.append("<g class=\"frame ").append(css(e)).append("\"><title>").append(html(tooltip(e))).append("</title>")
          .append("<text class=\"t\" x=\"4\" y=\"").append(y).append("\">").append(e.tMs()).append(" ms</text>")
          .append("<line x1=\"").append(from).append("\" y1=\"").append(y).append("\" x2=\"").append(to).append("\" y2=\"")
          .append(y).append("\" marker-end=\"url(#").append(rowIds).append("-head)\"/>")
          .append("<text x=\"").append((from + to) / 2).append("\" y=\"").append(y - 5).append("\">")
          .append(html(FrameLabel.of(e))).append("</text></g></a>");
    }
    page.append("</svg></div>\n");
    long keepalives = events.size() - drawn;
    if (keepalives > 0) {
      page.append("<p class=\"note\">").append(keepalives).append(" keepalive ping").append(keepalives == 1 ? "" : "s")
          .append(" and pongs of the kit are not drawn; the table lists them.</p>\n");
    }
  }

  private static int laneX(int index, int lane) {
    return LEFT + lane / 2 + index * lane;
  }

  /** A class for the arrow's colour: sent, received, closes and failures. */
  private static String css(TranscriptEvent e) {
    String side = e.direction() == Direction.SENT ? "sent" : "received";
    if (e.kind() == Kind.OPEN_FAILED || (e.reason() != null && e.reason().startsWith("invalid"))) {
      return side + " bad";
    }
    if (e.kind() == Kind.CLOSE || e.kind() == Kind.END) {
      return side + " close";
    }
    return e.kind() == Kind.OPEN || e.kind() == Kind.OPENED ? side + " open" : side;
  }

  /** The whole event, for the tooltip: the frame as on the wire. */
  static String tooltip(TranscriptEvent e) {
    StringBuilder text = new StringBuilder(e.tMs() + " ms, " + e.connection() + " " + e.direction().label() + " "
        + e.kind().label());
    if (e.kind() == Kind.CLOSE) {
      text.append(' ').append(e.code());
    }
    if (e.text() != null) {
      text.append(":\n").append(e.text()).append(e.cut() ? "… (" + e.length() + " characters)" : "");
    }
    if (e.reason() != null && !e.reason().isEmpty()) {
      text.append(e.text() == null ? ": " : "\n(").append(e.reason()).append(e.text() == null ? "" : ")");
    }
    return text.toString();
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
