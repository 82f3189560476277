package io.longlink.schema;

import java.util.ServiceLoader;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Keeps SLF4J quiet for an application that has no logging: the JSON Schema validator
 * (networknt) has a static SLF4J logger in its {@code SchemaRegistry}, so the first schema this
 * artifact compiles starts SLF4J, and SLF4J with no provider on the class path prints "No SLF4J
 * providers were found" to stderr, although no line would ever be logged. A library must not ship
 * a provider, nor choose one for its user (a system property that names one makes SLF4J announce
 * it instead).
 *
 * <p>So, before the validator's first use, and only when SLF4J would find no provider (none by
 * {@link ServiceLoader}, where SLF4J looks, none named by {@code slf4j.provider}, no SLF4J 1.7
 * binding it would warn it ignores) and the user has not set SLF4J's own verbosity: SLF4J is
 * started here with its internal reports at ERROR, which it reads once, when it starts. It falls
 * back to its no-operation logger, as it would have, without the warning. An application with a
 * provider starts SLF4J as it would have without this class.
 */
final class SilentWithoutLogging {

  static final String VERBOSITY = "slf4j.internal.verbosity";
  static final String PROVIDER = "slf4j.provider";

  private SilentWithoutLogging() {}

  /** Starts SLF4J without its warning when no provider is there; does nothing otherwise. */
  static synchronized void startSlf4j() {
    if (System.getProperty(VERBOSITY) != null || System.getProperty(PROVIDER) != null) {
      return;
    }
    ClassLoader loader = LoggerFactory.class.getClassLoader();
    if (ServiceLoader.load(SLF4JServiceProvider.class, loader).stream().findAny().isPresent()
        || loader.getResource("org/slf4j/impl/StaticLoggerBinder.class") != null) {
      return;
    }
    System.setProperty(VERBOSITY, "ERROR");
    try {
      LoggerFactory.getILoggerFactory();
    } finally {
      System.clearProperty(VERBOSITY);
    }
  }
}
