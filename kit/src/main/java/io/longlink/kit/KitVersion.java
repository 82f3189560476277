package io.longlink.kit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version the kit was built as (its Maven version), for reports: a result says which kit judged it. */
public final class KitVersion {

  private static final String VERSION = read();

  private KitVersion() {}

  public static String get() {
    return VERSION;
  }

  private static String read() {
    Properties properties = new Properties();
    try (InputStream in = KitVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the kit's packaged version.properties", e);
    }
    return properties.getProperty("version", "unknown");
  }
}
