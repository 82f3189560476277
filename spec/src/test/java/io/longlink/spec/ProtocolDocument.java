package io.longlink.spec;

import io.longlink.schema.MessageCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the parts of a packaged specification document (PROTOCOL.md, DRIVER.md) that tests compare with code: tables and JSON examples. */
public final class ProtocolDocument {

  private static final Pattern SCHEMA_REF = Pattern.compile("`schemas/([a-z_/]+\\.json)`");

  /** A JSON example and the schema its section names. */
  public record Example(int line, String schemaFile, String json) {}

  /** One line of a transcript block: {@code >} a command the kit writes, {@code <} an event the driver writes. */
  public record TranscriptLine(int line, char direction, String json) {}

  private final List<String> lines;

  private ProtocolDocument(String text) {
    this.lines = Arrays.asList(text.split("\n", -1));
  }

  public static ProtocolDocument load() {
    return load("PROTOCOL.md");
  }

  /** A packaged specification document by file name, e.g. {@code DRIVER.md}. */
  public static ProtocolDocument load(String name) {
    try (InputStream in = MessageCatalog.resource(name)) {
      return new ProtocolDocument(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String text() {
    return String.join("\n", lines);
  }

  /** The rows (cells trimmed, header and separator left out) of the first table under the heading that starts with {@code heading}. */
  public List<List<String>> table(String heading) {
    int i = 0;
    while (i < lines.size() && !lines.get(i).startsWith(heading)) {
      i++;
    }
    if (i == lines.size()) {
      throw new AssertionError("PROTOCOL.md has no heading " + heading);
    }
    while (i < lines.size() && !lines.get(i).startsWith("|")) {
      i++;
    }
    List<List<String>> rows = new ArrayList<>();
    i += 2;
    while (i < lines.size() && lines.get(i).startsWith("|")) {
      String row = lines.get(i).trim();
      List<String> cells = new ArrayList<>();
      for (String cell : row.substring(1, row.length() - 1).split("\\|", -1)) {
        cells.add(cell.trim());
      }
      rows.add(cells);
      i++;
    }
    return rows;
  }

  /** Every ```json block, with the schema named most recently before it in the same ### or ## section. */
  public List<Example> jsonExamples() {
    List<Example> examples = new ArrayList<>();
    String schema = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("## ") || line.startsWith("### ")) {
        schema = null;
      }
      Matcher m = SCHEMA_REF.matcher(line);
      if (line.contains("Schema:") && m.find()) {
        schema = m.group(1);
      }
      if (line.trim().equals("```json")) {
        StringBuilder json = new StringBuilder();
        int start = i + 1;
        for (i = i + 1; i < lines.size() && !lines.get(i).trim().equals("```"); i++) {
          json.append(lines.get(i)).append('\n');
        }
        examples.add(new Example(start, schema, json.toString()));
      }
    }
    return examples;
  }

  /** Every line of every ```transcript block; a line that is neither a command nor an event has direction '?'. */
  public List<TranscriptLine> transcriptLines() {
    List<TranscriptLine> found = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).trim().equals("```transcript")) {
        continue;
      }
      for (i = i + 1; i < lines.size() && !lines.get(i).trim().equals("```"); i++) {
        String line = lines.get(i);
        boolean marked = line.startsWith("> ") || line.startsWith("< ");
        found.add(new TranscriptLine(i + 1, marked ? line.charAt(0) : '?', marked ? line.substring(2) : line));
      }
    }
    return found;
  }

  /** The document with fenced code blocks blanked out: prose, tables and headings only. */
  public List<String> proseLines() {
    List<String> prose = new ArrayList<>();
    boolean fenced = false;
    for (String line : lines) {
      if (line.trim().startsWith("```")) {
        fenced = !fenced;
        prose.add("");
      } else {
        prose.add(fenced || line.startsWith("    ") ? "" : line);
      }
    }
    return prose;
  }
}
