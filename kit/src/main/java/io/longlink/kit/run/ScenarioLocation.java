package io.longlink.kit.run;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.descriptor.UriSource;

/**
 * Where a scenario is written: its feature file and line (for an example of a Scenario Outline,
 * the line of the example's row).
 *
 * @param feature the classpath resource name ({@code features/heartbeat.feature}) or file path
 * @param line the line, from 1; 0 when unknown
 */
public record ScenarioLocation(String feature, int line) implements Comparable<ScenarioLocation> {

  private static final Comparator<ScenarioLocation> ORDER =
      Comparator.comparing(ScenarioLocation::feature).thenComparingInt(ScenarioLocation::line);

  /** Reads the location the Cucumber engine gives a scenario. */
  public static ScenarioLocation of(Optional<TestSource> source) {
    if (source.isEmpty()) {
      return new ScenarioLocation("(unknown feature)", 0);
    }
    TestSource s = source.get();
    if (s instanceof ClasspathResourceSource resource) {
      return new ScenarioLocation(resource.getClasspathResourceName(), line(resource.getPosition()));
    }
    if (s instanceof FileSource file) {
      return new ScenarioLocation(relative(file.getFile().toPath()), line(file.getPosition()));
    }
    if (s instanceof UriSource uri) {
      return new ScenarioLocation(uri.getUri().toString(), 0);
    }
    return new ScenarioLocation(s.toString(), 0);
  }

  private static int line(Optional<FilePosition> position) {
    return position.map(FilePosition::getLine).orElse(0);
  }

  private static String relative(Path file) {
    Path here = Path.of("").toAbsolutePath();
    Path absolute = file.toAbsolutePath().normalize();
    return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
  }

  @Override
  public int compareTo(ScenarioLocation other) {
    return ORDER.compare(this, other);
  }

  /** {@code features/heartbeat.feature:12}. */
  @Override
  public String toString() {
    return line > 0 ? feature + ":" + line : feature;
  }
}
