package io.longlink.kit.run;

import java.nio.file.Path;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;

/**
 * Where the runner finds its {@code .feature} files: the kit's own, packaged under {@code features/}
 * on the classpath, or another classpath package or directory (tests point it at fixtures).
 */
public sealed interface FeatureSource {

  /** The features the kit jar carries. */
  static FeatureSource packaged() {
    return classpath("features");
  }

  /** Every feature under a classpath package, e.g. {@code features} or {@code fixtures.run}. */
  static FeatureSource classpath(String packageName) {
    return new Classpath(packageName.replace('/', '.'));
  }

  /** Every feature under a directory of the file system. */
  static FeatureSource directory(Path directory) {
    return new Directory(directory.toAbsolutePath().normalize());
  }

  /** How the JUnit Platform is told to look here. */
  DiscoverySelector selector();

  /** For people: "classpath:features". */
  String describe();

  /** Features in a classpath package; the Cucumber engine scans directories and jars alike. */
  record Classpath(String packageName) implements FeatureSource {
    @Override
    public DiscoverySelector selector() {
      // A package selector, not a classpath-resource one: Cucumber 7 deprecates resource selectors
      // that name a directory.
      return DiscoverySelectors.selectPackage(packageName);
    }

    @Override
    public String describe() {
      return "classpath:" + packageName.replace('.', '/');
    }
  }

  /** Features in a directory. */
  record Directory(Path path) implements FeatureSource {
    @Override
    public DiscoverySelector selector() {
      return DiscoverySelectors.selectDirectory(path.toFile());
    }

    @Override
    public String describe() {
      return path.toString();
    }
  }
}
