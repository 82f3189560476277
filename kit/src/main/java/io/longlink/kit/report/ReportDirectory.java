package io.longlink.kit.report;

import io.longlink.kit.run.RunReport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.stream.XMLStreamException;

/**
 * Writes a run's reports into a directory: {@code report.html}, {@code junit.xml}, {@code results.json};
 * {@code cucumber.ndjson} is there too when the runner wrote it.
 */
public final class ReportDirectory {

  public static final String HTML = "report.html";
  public static final String JUNIT_XML = "junit.xml";
  public static final String JSON = "results.json";
  /** Cucumber's message stream of the run, written by the runner as it goes (ConformanceRunner.Builder#messages). */
  public static final String MESSAGES = "cucumber.ndjson";

  private ReportDirectory() {}

  /**
   * Creates the directory when needed and (over)writes the three reports.
   *
   * @return the files written
   */
  public static List<Path> write(RunReport report, Path directory) throws IOException {
    Files.createDirectories(directory);
    Path html = directory.resolve(HTML);
    Files.writeString(html, HtmlReport.render(report), StandardCharsets.UTF_8);
    Path xml = directory.resolve(JUNIT_XML);
    try (OutputStream out = Files.newOutputStream(xml)) {
      JunitXmlReport.write(report, out);
    } catch (XMLStreamException e) {
      throw new IOException("cannot write " + xml + ": " + e.getMessage(), e);
    }
    Path json = directory.resolve(JSON);
    try (OutputStream out = Files.newOutputStream(json)) {
      JsonReport.write(report, out);
    }
    Path messages = directory.resolve(MESSAGES);
    return Files.exists(messages) ? List.of(html, xml, json, messages) : List.of(html, xml, json);
  }
}
