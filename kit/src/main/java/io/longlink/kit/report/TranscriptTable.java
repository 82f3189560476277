package io.longlink.kit.report;

import static io.longlink.kit.report.Markup.html;

import io.longlink.kit.wire.Transcript;
import io.longlink.kit.wire.TranscriptEvent;
import io.longlink.kit.wire.TranscriptEvent.Kind;

/**
 * A failed scenario's transcript as a table of raw frames, below its diagram: time, connection,
 * direction, kind and the text exactly as on the wire. The kit's keepalive rows are hidden until
 * a checkbox shows them (CSS only: the report has no script).
 */
final class TranscriptTable {

  private TranscriptTable() {}

  static void render(StringBuilder page, Transcript transcript, String rowIds) {
    long keepalives = transcript.events().stream().filter(TranscriptEvent::keepalive).count();
    page.append("<details open class=\"frames\"><summary>The ").append(transcript.events().size())
        .append(" events as on the wire</summary>");
    if (keepalives > 0) {
      page.append("<input type=\"checkbox\" class=\"show-keepalive\" id=\"").append(rowIds).append("-ka\">")
          .append("<label for=\"").append(rowIds).append("-ka\"> show the kit's ").append(keepalives)
          .append(" keepalive pings and pongs</label>");
    }
    page.append("<table class=\"frames\"><tr><th>ms</th><th>connection</th><th></th><th>kind</th><th>frame</th></tr>\n");
    for (int i = 0; i < transcript.events().size(); i++) {
      TranscriptEvent e = transcript.events().get(i);
      page.append("<tr id=\"").append(rowIds).append('-').append(i).append('"')
          .append(e.keepalive() ? " class=\"keepalive\"" : e.kind() == Kind.OMITTED ? " class=\"omitted\"" : "").append('>')
          .append("<td>").append(e.tMs()).append("</td><td>").append(html(e.connection())).append("</td><td>")
          .append(e.kind() == Kind.OMITTED ? "" : e.direction() == TranscriptEvent.Direction.SENT ? "→" : "←")
          .append("</td><td>").append(html(e.kind().label())).append(e.keepalive() ? " (keepalive)" : "")
          .append("</td><td>").append(cell(e)).append("</td></tr>\n");
    }
    page.append("</table></details>\n");
  }

  private static String cell(TranscriptEvent e) {
    StringBuilder cell = new StringBuilder();
    if (e.kind() == Kind.CLOSE) {
      cell.append("<code>").append(e.code()).append("</code> ");
    }
    if (e.text() != null) {
      cell.append("<pre>").append(html(e.text()));
      if (e.cut()) {
        cell.append("… (cut: ").append(e.length()).append(" characters on the wire)");
      }
      cell.append("</pre>");
    }
    if (e.reason() != null && !e.reason().isEmpty()) {
      cell.append("<span class=\"note\">").append(html(e.reason())).append("</span>");
    }
    return cell.toString();
  }
}
