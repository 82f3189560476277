package io.longlink.client;

import io.longlink.client.connection.Connector;
import io.longlink.client.connection.Dependencies;
import io.longlink.client.inbox.Inbox;
import io.longlink.client.outbox.Outbox;
import io.longlink.client.reconnect.Backoff;
import io.longlink.client.reconnect.BackoffPolicy;
import io.longlink.client.store.ClientStore;
import io.longlink.client.store.MemoryClientStore;
import io.longlink.client.time.ClientScheduler;
import io.longlink.client.time.SystemScheduler;
import io.longlink.client.transport.JdkTransport;
import io.longlink.client.transport.Transport;
import io.longlink.codec.MessageCodec;
import io.longlink.model.ClientInfo;
import io.longlink.signing.ChatSignature;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/**
 * Configures a {@link LonglinkClient}. {@link #build()} checks everything up front and names the
 * parameter at fault. Required: the URI, {@link #token(String)} and
 * {@link #deliveryHandler(DeliveryHandler)}; the rest has defaults.
 */
public final class ClientBuilder {

  /** The name this library gives in auth unless the application names itself (LL-AUTH-13). */
  public static final String LIBRARY_NAME = "longlink-client-java";

  private final URI uri;
  private String token;
  private AsyncDeliveryHandler deliveryHandler;
  private ClientObserver observer = new ClientObserver() { };
  private ClientStore store = new MemoryClientStore();
  private String clientName = LIBRARY_NAME;
  private String clientVersion = libraryVersion();
  private byte[] signingKey;
  private ClientScheduler scheduler;
  private RandomGenerator random = RandomGenerator.getDefault();
  private BackoffPolicy backoff;
  private Transport transport;

  ClientBuilder(URI uri) {
    this.uri = uri;
  }

  /** The user's credential; it travels only inside auth, never in the URL (LL-SEC-2). */
  public ClientBuilder token(String token) {
    this.token = token;
    return this;
  }

  /**
   * Where deliveries go, processed when the handler returns. Required, unless an
   * {@link #asyncDeliveryHandler(AsyncDeliveryHandler)} is given; the later call wins.
   */
  public ClientBuilder deliveryHandler(DeliveryHandler handler) {
    this.deliveryHandler = handler == null ? null : d -> {
      try {
        handler.process(d);
        return CompletableFuture.completedFuture(null);
      } catch (Exception failure) {
        return CompletableFuture.failedFuture(failure);
      }
    };
    return this;
  }

  /**
   * Where deliveries go, processed when the stage the handler returns completes; replaces a
   * {@link #deliveryHandler(DeliveryHandler)}.
   */
  public ClientBuilder asyncDeliveryHandler(AsyncDeliveryHandler handler) {
    this.deliveryHandler = handler;
    return this;
  }

  /** Who hears about states, sends, acks and deliveries. */
  public ClientBuilder observer(ClientObserver observer) {
    this.observer = observer;
    return this;
  }

  /** Where the outbox, resume point and processed ids are kept; memory by default. */
  public ClientBuilder store(ClientStore store) {
    this.store = store;
    return this;
  }

  /** The application's name and version for auth's {@code client}; defaults to this library's. */
  public ClientBuilder clientInfo(String name, String version) {
    this.clientName = name;
    this.clientVersion = version;
    return this;
  }

  /** The user's 32-byte chat signing key, needed when the server signs chats (LL-SEC-6). */
  public ClientBuilder signingKey(byte[] key) {
    this.signingKey = key == null ? null : key.clone();
    return this;
  }

  /** The clock and thread the client runs on; tests pass a fake one. */
  public ClientBuilder scheduler(ClientScheduler scheduler) {
    this.scheduler = scheduler;
    return this;
  }

  /** The random source of the backoff jitter; tests pass a seeded one. */
  public ClientBuilder random(RandomGenerator random) {
    this.random = random;
    return this;
  }

  /**
   * How long to wait before each reconnect attempt; by default {@link Backoff} on
   * {@link #random(RandomGenerator)}, the draw of LL-RC-2. A policy that waits otherwise breaks
   * the protocol: this is for tests and diagnostic wrappers.
   */
  public ClientBuilder backoff(BackoffPolicy policy) {
    this.backoff = policy;
    return this;
  }

  /** The transport; a WebSocket on {@code java.net.http} by default. */
  public ClientBuilder transport(Transport transport) {
    this.transport = transport;
    return this;
  }

  /** Checks the configuration and builds the client; it connects on {@link LonglinkClient#connect()}. */
  public LonglinkClient build() {
    Endpoint.check(uri, token);
    checkToken(token);
    require("deliveryHandler", deliveryHandler, "pass the code that processes delivered chats (deliveryHandler or "
        + "asyncDeliveryHandler)");
    require("observer", observer, "pass an observer, or leave the default");
    require("store", store, "pass a store, or leave the default MemoryClientStore");
    require("random", random, "pass a random source, or leave the default");
    checkLength("clientInfo name", clientName, 64);
    checkLength("clientInfo version", clientVersion, 32);
    if (signingKey != null && signingKey.length != ChatSignature.KEY_BYTES) {
      throw new ClientConfigException("signingKey", "is " + signingKey.length + " bytes; a signing key is "
          + ChatSignature.KEY_BYTES + " bytes (ChatSignature.decodeKey reads the base64url form)");
    }
    SystemScheduler own = scheduler == null
        ? new SystemScheduler(Clock.systemUTC(), "longlink-client", observer::internalError) : null;
    ClientScheduler runOn = own != null ? own : scheduler;
    MessageCodec codec = SharedCodec.INSTANCE;
    Transport link = transport != null ? transport : new JdkTransport(Duration.ofSeconds(10));
    LonglinkClient[] client = new LonglinkClient[1];
    Dependencies deps = new Dependencies(link, runOn, backoff != null ? backoff : new Backoff(random), codec, observer, state -> {
      client[0].stateChanged(state);
      observer.stateChanged(state);
    });
    Connector[] connector = new Connector[1];
    Outbox outbox = new Outbox(store, runOn, observer, codec, signingKey, () -> connector[0].params());
    Inbox inbox = new Inbox(store, runOn, deliveryHandler, observer);
    connector[0] = new Connector(uri, token, new ClientInfo(clientName, clientVersion), deps,
        new ClientSession(inbox, outbox, observer, signingKey != null, runOn::now));
    client[0] = new LonglinkClient(runOn, connector[0], outbox, own != null ? own::close : () -> { });
    runOn.execute(outbox::restore);
    return client[0];
  }

  static void checkToken(String token) {
    if (token == null || token.isEmpty() || token.length() > 8192) {
      throw new ClientConfigException("token", "is " + (token == null ? "missing" : token.length() + " characters")
          + "; a token is 1-8192 characters, as the application's login issued it");
    }
  }

  private static void require(String parameter, Object value, String what) {
    if (value == null) {
      throw new ClientConfigException(parameter, "is null; " + what);
    }
  }

  private static void checkLength(String parameter, String value, int max) {
    if (value == null || value.isEmpty() || value.length() > max) {
      throw new ClientConfigException(parameter, "is " + (value == null ? "missing" : "\"" + value + "\"")
          + "; it is 1-" + max + " characters, so that server operators can tell clients apart (LL-AUTH-13)");
    }
  }

  /** This library's version, from its jar's manifest, or {@code dev} when run from classes. */
  public static String libraryVersion() {
    String version = ClientBuilder.class.getPackage().getImplementationVersion();
    return version != null ? version : "dev";
  }

  /**
   * One codec for every client of the process: it is thread-safe, and each one loads and compiles
   * every schema and builds its own JSON binders, which a process with many clients (a load run
   * holds thousands) paid for per client in CPU and memory.
   */
  private static final class SharedCodec {
    static final MessageCodec INSTANCE = MessageCodec.create();
  }
}
