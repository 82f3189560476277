package io.longlink.kit.wire;

import io.longlink.kit.preflight.TlsTrust;
import io.longlink.kit.settings.KitSettings;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/** One OkHttp client per run, built from the target settings (TLS trust), shared by every connection. */
public final class HttpClients {

  private static volatile KitSettings builtFor;
  private static volatile OkHttpClient client;

  private HttpClients() {}

  /** The client for the installed settings. */
  public static OkHttpClient forCurrentRun() {
    KitSettings settings = KitSettings.current();
    OkHttpClient c = client;
    if (c == null || builtFor != settings) {
      synchronized (HttpClients.class) {
        if (client == null || builtFor != settings) {
          Dispatcher dispatcher = new Dispatcher();
          dispatcher.setMaxRequests(1_000);
          dispatcher.setMaxRequestsPerHost(1_000);
          client = TlsTrust.apply(new OkHttpClient.Builder(), settings.insecure(), settings.caFile())
              .dispatcher(dispatcher)
              .connectTimeout(Duration.ofSeconds(10))
              .readTimeout(0, TimeUnit.MILLISECONDS)
              // No WebSocket control-frame pings: the application-level heartbeat is under test.
              .pingInterval(0, TimeUnit.MILLISECONDS)
              .retryOnConnectionFailure(false)
              .build();
          builtFor = settings;
        }
        c = client;
      }
    }
    return c;
  }
}
