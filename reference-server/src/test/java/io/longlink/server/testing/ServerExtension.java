package io.longlink.server.testing;

import java.net.URI;
import java.time.Duration;
import java.util.function.UnaryOperator;
import io.longlink.server.config.ServerConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One reference server for a test class: {@code @RegisterExtension static ServerExtension server = ServerExtension.fast();}. */
public final class ServerExtension implements BeforeAllCallback, AfterAllCallback {

  /** How long the tests wait for an answer the protocol puts no deadline on. */
  public static final Duration WAIT = Duration.ofSeconds(3);

  private final UnaryOperator<ServerConfig.Builder> customise;
  private TestServer server;

  private ServerExtension(UnaryOperator<ServerConfig.Builder> customise) {
    this.customise = customise;
  }

  /** The fast profile. */
  public static ServerExtension fast() {
    return new ServerExtension(b -> b);
  }

  /** The fast profile with more settings. */
  public static ServerExtension fast(UnaryOperator<ServerConfig.Builder> customise) {
    return new ServerExtension(customise);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    server = TestServer.start(customise);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    server.close();
  }

  public URI uri() {
    return server.uri();
  }

  public ServerConfig config() {
    return server.config();
  }
}
