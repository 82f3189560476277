package io.longlink.server;

import io.longlink.codec.MessageCodec;
import io.longlink.protocol.SessionParameter;
import io.longlink.server.auth.JwtVerifier;
import io.longlink.server.auth.TokenVerifier;
import io.longlink.server.config.ServerConfig;
import io.longlink.server.connection.ConnectionInterceptor;
import io.longlink.server.limits.RateLimits;
import io.longlink.server.redis.RedisEngine;
import io.longlink.server.redis.RedisStoreUri;
import io.longlink.server.store.DedupStore;
import io.longlink.server.store.Engine;
import io.longlink.server.store.InboxStore;
import io.longlink.server.store.MemoryDedupStore;
import io.longlink.server.store.MemoryEngine;
import io.longlink.server.store.MemoryInboxStore;
import io.longlink.server.store.MemoryMessageStore;
import io.longlink.server.store.MemoryRoomStore;
import io.longlink.server.store.MemorySequence;
import io.longlink.server.store.RoomStore;
import io.longlink.server.store.SequenceSource;
import io.longlink.server.store.StoreBounds;
import java.time.Clock;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * What a {@link LonglinkServer} is built from, beside its configuration: the stores, the token
 * verifier, the codec, the clock, the rate limits and the connection interceptors. {@link #of}
 * gives the reference server's own; a caller replaces any of them (another store, a test clock,
 * a wrapper that records or misbehaves) before {@link LonglinkServer#start(ServerConfig, ServerParts)}.
 * Each server needs parts of its own: stores hold its state.
 */
public final class ServerParts {

  private Clock clock;
  private LongSupplier nanoTime;
  private MessageCodec codec;
  private TokenVerifier verifier;
  private InboxStore inbox;
  private DedupStore dedup;
  private RoomStore rooms;
  private SequenceSource sequence;
  private RateLimits rateLimits;
  private ConnectionInterceptor.Factory interceptors;
  private long upgradeDeadlineMs;
  private StoreBounds bounds;
  private RedisStoreUri redis;
  private Engine engine;

  private ServerParts() {}

  /** The reference server's parts for {@code config}: in-memory stores, HS256 tokens, the system clock. */
  public static ServerParts of(ServerConfig config) {
    ServerParts p = new ServerParts();
    p.clock = Clock.systemUTC();
    p.nanoTime = System::nanoTime;
    // LL-ERR-8, LL-ERR-9: PROTOCOL.md's reading limits, and no string holding an unpaired surrogate.
    p.codec = MessageCodec.create();
    p.verifier = new JwtVerifier(config.jwtSecret(), config.jwtIssuer(), config.jwtAudience(), p.clock);
    p.inbox = new MemoryInboxStore();
    p.dedup = new MemoryDedupStore(config.millis(SessionParameter.DEDUP_WINDOW_MS));
    p.rooms = new MemoryRoomStore();
    p.sequence = MemorySequence.ascending();
    p.rateLimits = RateLimits.SLIDING_WINDOW;
    p.interceptors = null;
    // LL-LIM-9: as long as a client has to authenticate, it has to complete the upgrade.
    p.upgradeDeadlineMs = config.millis(SessionParameter.AUTH_TIMEOUT_MS);
    p.bounds = StoreBounds.of(config);
    // Parsed now, connected to when the server starts: a bad URL fails here, with what was wrong.
    p.redis = config.store() == null ? null : RedisStoreUri.parse(config.store());
    p.engine = null;
    return p;
  }

  public Clock clock() {
    return clock;
  }

  /** The monotonic clock of timeouts (heartbeat silence, redelivery), in nanoseconds. */
  public LongSupplier nanoTime() {
    return nanoTime;
  }

  public MessageCodec codec() {
    return codec;
  }

  public TokenVerifier verifier() {
    return verifier;
  }

  public InboxStore inbox() {
    return inbox;
  }

  public DedupStore dedup() {
    return dedup;
  }

  public RoomStore rooms() {
    return rooms;
  }

  public SequenceSource sequence() {
    return sequence;
  }

  public RateLimits rateLimits() {
    return rateLimits;
  }

  /** Null when connections have no interceptor (the reference server's own parts). */
  public ConnectionInterceptor.Factory interceptors() {
    return interceptors;
  }

  public long upgradeDeadlineMs() {
    return upgradeDeadlineMs;
  }

  /**
   * The engine the server keeps its state in: the one given to {@link #engine(Engine)}; else, when
   * the configuration names a Redis store, a new connection to it; else a new in-memory one made of
   * {@link #inbox()}, {@link #dedup()}, {@link #rooms()} and {@link #sequence()} as they are now.
   */
  public Engine engine() {
    if (engine != null) {
      return engine;
    }
    if (redis != null) {
      return RedisEngine.connect(redis, bounds);
    }
    return new MemoryEngine(new MemoryMessageStore(inbox, dedup, rooms, sequence, bounds));
  }

  /** Whether the state is kept in memory, in the parts {@link #inbox()} and the others: what a fault of those needs. */
  public boolean inMemory() {
    return engine == null && redis == null;
  }

  /**
   * Keeps the state in {@code value} (a shared store: several servers may have the same one);
   * then the in-memory parts (inbox, dedup, rooms, sequence) are not used. The server closes it.
   */
  public ServerParts engine(Engine value) {
    this.engine = Objects.requireNonNull(value, "engine");
    return this;
  }

  /** The clock of tokens and chats; the verifier keeps the clock it was made with. */
  public ServerParts clock(Clock value) {
    this.clock = Objects.requireNonNull(value, "clock");
    return this;
  }

  public ServerParts nanoTime(LongSupplier value) {
    this.nanoTime = Objects.requireNonNull(value, "nanoTime");
    return this;
  }

  public ServerParts codec(MessageCodec value) {
    this.codec = Objects.requireNonNull(value, "codec");
    return this;
  }

  public ServerParts verifier(TokenVerifier value) {
    this.verifier = Objects.requireNonNull(value, "verifier");
    return this;
  }

  public ServerParts inbox(InboxStore value) {
    this.inbox = Objects.requireNonNull(value, "inbox");
    return this;
  }

  public ServerParts dedup(DedupStore value) {
    this.dedup = Objects.requireNonNull(value, "dedup");
    return this;
  }

  public ServerParts rooms(RoomStore value) {
    this.rooms = Objects.requireNonNull(value, "rooms");
    return this;
  }

  public ServerParts sequence(SequenceSource value) {
    this.sequence = Objects.requireNonNull(value, "sequence");
    return this;
  }

  public ServerParts rateLimits(RateLimits value) {
    this.rateLimits = Objects.requireNonNull(value, "rateLimits");
    return this;
  }

  /** Every connection gets an interceptor from {@code value}; null for none. */
  public ServerParts interceptors(ConnectionInterceptor.Factory value) {
    this.interceptors = value;
    return this;
  }

  /** How long a connection may take to complete the WebSocket upgrade (LL-LIM-9); at least 1 ms. */
  public ServerParts upgradeDeadlineMs(long value) {
    if (value < 1) {
      throw new IllegalArgumentException("upgradeDeadlineMs is " + value + "; use 1 or more");
    }
    this.upgradeDeadlineMs = value;
    return this;
  }
}
