package io.longlink.cli;

import io.longlink.protocol.Protocol;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code longlink --version}: the CLI's version and the protocol version it checks. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"longlink " + jarVersion(), "Longlink protocol " + Protocol.VERSION};
  }

  /** The Maven version the CLI was built as, from a resource the build fills in. */
  static String jarVersion() {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the packaged version.properties", e);
    }
    return properties.getProperty("version", "unknown");
  }
}
