package io.longlink.server.config;

import io.longlink.protocol.SessionParameter;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The reference server's configuration, validated when built (every problem reported at once,
 * naming the flag and the allowed range) and immutable afterwards.
 */
public final class ServerConfig {

  /**
   * The default bounds on connections without a session (LL-LIM-10): 1024 in all keeps a flood of
   * slow upgrades well inside a common 4096-descriptor limit with room for sessions; 128 from one
   * address stops one host from taking all of them while leaving room for a NAT full of clients.
   */
  public static final int DEFAULT_MAX_UNAUTHENTICATED = 1_024;
  public static final int DEFAULT_MAX_UNAUTHENTICATED_PER_ADDRESS = 128;

  private final String host;
  private final int port;
  private final String path;
  private final Path keystore;
  private final String keystorePassword;
  private final byte[] jwtSecret;
  private final String jwtIssuer;
  private final String jwtAudience;
  private final byte[] signingSecret;
  private final Map<SessionParameter, Number> session;
  private final long maxTotalPending;
  private final long maxDedupEntries;
  private final int maxOutboundFrames;
  private final ByteBounds bytes;
  private final long retryAfterMs;
  private final int maxUnauthenticated;
  private final int maxUnauthenticatedPerAddress;
  private final boolean permessageDeflate;
  private final String store;
  /** What this configuration was built from, for {@link #toBuilder()}. */
  private final Builder origin;

  private ServerConfig(Builder b) {
    this.origin = new Builder(b);
    this.host = b.host;
    this.port = b.port;
    this.path = b.path;
    this.keystore = b.keystore;
    this.keystorePassword = b.keystorePassword;
    this.jwtSecret = b.jwtSecret.clone();
    this.jwtIssuer = b.jwtIssuer;
    this.jwtAudience = b.jwtAudience;
    this.signingSecret = b.signingSecret == null ? null : b.signingSecret.clone();
    this.session = Collections.unmodifiableMap(new EnumMap<>(b.session));
    this.maxTotalPending = b.maxTotalPending;
    this.maxDedupEntries = b.maxDedupEntries;
    this.maxOutboundFrames = b.maxOutboundFrames;
    this.bytes = ByteBounds.resolve(b);
    this.retryAfterMs = b.retryAfterMs;
    this.maxUnauthenticated = b.maxUnauthenticated;
    this.maxUnauthenticatedPerAddress = b.maxUnauthenticatedPerAddress;
    this.permessageDeflate = b.permessageDeflate;
    this.store = b.store;
  }

  public static Builder builder(Profile profile) {
    return new Builder(profile);
  }

  /** A builder holding everything this configuration was built from, to make a variant of it. */
  public Builder toBuilder() {
    return new Builder(origin);
  }

  public String host() {
    return host;
  }

  /** The port to listen on; 0 picks a free one. */
  public int port() {
    return port;
  }

  /** The WebSocket endpoint's path, e.g. {@code /ws}. */
  public String path() {
    return path;
  }

  /**
   * Whether the server accepts the permessage-deflate extension (RFC 7692) a client offers:
   * off unless asked for, because every connection that has it holds a compressor and a
   * decompressor with their windows, and browsers always offer it.
   */
  public boolean permessageDeflate() {
    return permessageDeflate;
  }

  /** Where the state is kept: null for this process's memory, or a {@code redis://} URL shared by every node. */
  public String store() {
    return store;
  }

  /** The PKCS12 keystore for wss://, or null for plain ws://. */
  public Path keystore() {
    return keystore;
  }

  public String keystorePassword() {
    return keystorePassword;
  }

  public byte[] jwtSecret() {
    return jwtSecret.clone();
  }

  /** The required {@code iss} of tokens, or null to accept any. */
  public String jwtIssuer() {
    return jwtIssuer;
  }

  /** The required {@code aud} of tokens, or null to accept any. */
  public String jwtAudience() {
    return jwtAudience;
  }

  /** The secret chat signing keys derive from, or null when chats are not signed. */
  public byte[] signingSecret() {
    return signingSecret == null ? null : signingSecret.clone();
  }

  public boolean signing() {
    return signingSecret != null;
  }

  /** A session parameter's value as advertised in auth_ok. */
  public long millis(SessionParameter p) {
    return session.get(p).longValue();
  }

  public double number(SessionParameter p) {
    return session.get(p).doubleValue();
  }

  /** Pending deliveries held for all users together, the memory bound of the inboxes. */
  public long maxTotalPending() {
    return maxTotalPending;
  }

  /**
   * Remembered (sender, message id) pairs for all users together, the memory bound of dedup. When
   * it is reached the server refuses new chats (unavailable) rather than forget a pair early,
   * which could deliver a chat twice.
   */
  public long maxDedupEntries() {
    return maxDedupEntries;
  }

  /** Frames queued for sending on one connection before it is closed as a slow consumer (4010). */
  public int maxOutboundFrames() {
    return maxOutboundFrames;
  }

  /** Bytes of pending deliveries held for all users together (LL-LIM-11); a room chat's delivery counts once. */
  public long maxTotalPendingBytes() {
    return bytes.maxTotalPendingBytes();
  }

  /** Bytes of pending deliveries one sender's chats may hold, all recipients together (LL-LIM-12). */
  public long maxPendingBytesPerSender() {
    return bytes.maxPendingBytesPerSender();
  }

  /** Bytes queued for sending on one connection before it is closed as a slow consumer (LL-LIM-7). */
  public long maxOutboundBytes() {
    return bytes.maxOutboundBytes();
  }

  /** Bytes queued for sending on all connections together (LL-LIM-11); past it the largest queues are closed as slow consumers. */
  public long maxTotalOutboundBytes() {
    return bytes.maxTotalOutboundBytes();
  }

  /** The retry hint of goaway on shutdown and on the connection limit. */
  public long retryAfterMs() {
    return retryAfterMs;
  }

  /**
   * Connections without a session (still upgrading, or awaiting auth) held at once, all addresses
   * together (LL-LIM-10); the next one is closed as soon as it is accepted.
   */
  public int maxUnauthenticated() {
    return maxUnauthenticated;
  }

  /** Connections without a session held at once from one remote IP address (LL-LIM-10). */
  public int maxUnauthenticatedPerAddress() {
    return maxUnauthenticatedPerAddress;
  }

  /** Builds a {@link ServerConfig}; {@link #build()} validates everything. */
  public static final class Builder {
    private String host = "0.0.0.0";
    private int port = 8080;
    private String path = "/ws";
    private Path keystore;
    private boolean permessageDeflate;
    private String store;
    private String keystorePassword;
    private byte[] jwtSecret = new byte[0];
    private String jwtIssuer;
    private String jwtAudience;
    private byte[] signingSecret;
    private final Map<SessionParameter, Number> session;
    private long maxTotalPending = 1_000_000;
    private long maxDedupEntries = 5_000_000;
    private int maxOutboundFrames = 1_024;
    private Long maxTotalPendingBytes;
    private Long maxPendingBytesPerSender;
    private Long maxOutboundBytes;
    private Long maxTotalOutboundBytes;
    private long heapBytes = Runtime.getRuntime().maxMemory();
    private long retryAfterMs = 1_000;
    private int maxUnauthenticated = DEFAULT_MAX_UNAUTHENTICATED;
    private int maxUnauthenticatedPerAddress = DEFAULT_MAX_UNAUTHENTICATED_PER_ADDRESS;

    private Builder(Profile profile) {
      this.session = profile.parameters();
    }

    private Builder(Builder o) {
      this.host = o.host;
      this.port = o.port;
      this.path = o.path;
      this.keystore = o.keystore;
      this.permessageDeflate = o.permessageDeflate;
      this.store = o.store;
      this.keystorePassword = o.keystorePassword;
      this.jwtSecret = o.jwtSecret.clone();
      this.jwtIssuer = o.jwtIssuer;
      this.jwtAudience = o.jwtAudience;
      this.signingSecret = o.signingSecret == null ? null : o.signingSecret.clone();
      this.session = new EnumMap<>(o.session);
      this.maxTotalPending = o.maxTotalPending;
      this.maxDedupEntries = o.maxDedupEntries;
      this.maxOutboundFrames = o.maxOutboundFrames;
      this.maxTotalPendingBytes = o.maxTotalPendingBytes;
      this.maxPendingBytesPerSender = o.maxPendingBytesPerSender;
      this.maxOutboundBytes = o.maxOutboundBytes;
      this.maxTotalOutboundBytes = o.maxTotalOutboundBytes;
      this.heapBytes = o.heapBytes;
      this.retryAfterMs = o.retryAfterMs;
      this.maxUnauthenticated = o.maxUnauthenticated;
      this.maxUnauthenticatedPerAddress = o.maxUnauthenticatedPerAddress;
    }

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder path(String path) {
      this.path = path;
      return this;
    }

    /** A {@code redis://} URL to keep the state in, shared by every node that has the same one; null for memory. */
    public Builder store(String url) {
      this.store = url;
      return this;
    }

    public Builder permessageDeflate(boolean accept) {
      this.permessageDeflate = accept;
      return this;
    }

    public Builder tls(Path keystore, String password) {
      this.keystore = keystore;
      this.keystorePassword = password;
      return this;
    }

    public Builder jwtSecret(byte[] secret) {
      this.jwtSecret = secret == null ? new byte[0] : secret.clone();
      return this;
    }

    public Builder jwtIssuer(String issuer) {
      this.jwtIssuer = issuer;
      return this;
    }

    public Builder jwtAudience(String audience) {
      this.jwtAudience = audience;
      return this;
    }

    public Builder signingSecret(byte[] secret) {
      this.signingSecret = secret == null ? null : secret.clone();
      return this;
    }

    public Builder set(SessionParameter parameter, Number value) {
      session.put(parameter, value);
      return this;
    }

    public Builder maxTotalPending(long value) {
      this.maxTotalPending = value;
      return this;
    }

    public Builder maxDedupEntries(long value) {
      this.maxDedupEntries = value;
      return this;
    }

    public Builder maxOutboundFrames(int value) {
      this.maxOutboundFrames = value;
      return this;
    }

    /** Null derives the bound from the heap (see {@link ByteBounds}). */
    public Builder maxTotalPendingBytes(Long value) {
      this.maxTotalPendingBytes = value;
      return this;
    }

    /** Null derives the bound from the total. */
    public Builder maxPendingBytesPerSender(Long value) {
      this.maxPendingBytesPerSender = value;
      return this;
    }

    /** Null derives the bound from {@code delivery.max_pending_bytes}. */
    public Builder maxOutboundBytes(Long value) {
      this.maxOutboundBytes = value;
      return this;
    }

    /** Null derives the bound from the heap. */
    public Builder maxTotalOutboundBytes(Long value) {
      this.maxTotalOutboundBytes = value;
      return this;
    }

    /** The heap the derived bounds are shares of; the JVM's maximum unless a test says otherwise. */
    public Builder heapBytes(long value) {
      this.heapBytes = value;
      return this;
    }

    public Builder retryAfterMs(long value) {
      this.retryAfterMs = value;
      return this;
    }

    public Builder maxUnauthenticated(int value) {
      this.maxUnauthenticated = value;
      return this;
    }

    public Builder maxUnauthenticatedPerAddress(int value) {
      this.maxUnauthenticatedPerAddress = value;
      return this;
    }

    /** The configuration, or a {@link ConfigException} naming every problem. */
    public ServerConfig build() {
      ConfigValidator.validate(this);
      return new ServerConfig(this);
    }

    String host() {
      return host;
    }

    int port() {
      return port;
    }

    String path() {
      return path;
    }

    Path keystore() {
      return keystore;
    }

    String keystorePassword() {
      return keystorePassword;
    }

    byte[] jwtSecret() {
      return jwtSecret;
    }

    byte[] signingSecret() {
      return signingSecret;
    }

    Map<SessionParameter, Number> session() {
      return session;
    }

    long maxTotalPending() {
      return maxTotalPending;
    }

    long maxDedupEntries() {
      return maxDedupEntries;
    }

    int maxOutboundFrames() {
      return maxOutboundFrames;
    }

    Long maxTotalPendingBytes() {
      return maxTotalPendingBytes;
    }

    Long maxPendingBytesPerSender() {
      return maxPendingBytesPerSender;
    }

    Long maxOutboundBytes() {
      return maxOutboundBytes;
    }

    Long maxTotalOutboundBytes() {
      return maxTotalOutboundBytes;
    }

    long heapBytes() {
      return heapBytes;
    }

    long retryAfterMs() {
      return retryAfterMs;
    }

    int maxUnauthenticated() {
      return maxUnauthenticated;
    }

    int maxUnauthenticatedPerAddress() {
      return maxUnauthenticatedPerAddress;
    }
  }
}
