package io.longlink.server.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.longlink.server.store.DeliveryBus;
import io.longlink.server.store.Engine;
import io.longlink.server.store.MessageStore;
import io.longlink.server.store.PresenceStore;
import io.longlink.server.store.StoreBounds;
import io.longlink.server.store.StoreUnavailable;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The engine of a cluster: every node that connects to the same Redis (and prefix) serves the same
 * users. What it keeps is as durable as Redis is configured to make it (README, "Several nodes on
 * Redis"; PROTOCOL.md LL-SHUT-4).
 */
public final class RedisEngine implements Engine {

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> commands;
  private final StatefulRedisPubSubConnection<String, String> subscriber;
  private final ScheduledExecutorService refresher;
  private final ExecutorService news;
  private final RedisMessageStore messages;
  private final RedisPresence presence;
  private final RedisBus bus;
  private final String description;

  private RedisEngine(RedisClient client, StatefulRedisConnection<String, String> commands,
      StatefulRedisPubSubConnection<String, String> subscriber, RedisStoreUri uri, StoreBounds bounds) {
    this.client = client;
    this.commands = commands;
    this.subscriber = subscriber;
    Scripts scripts = new Scripts(commands.sync(), uri.prefix());
    this.messages = new RedisMessageStore(scripts, commands.sync(), uri.prefix(), bounds);
    this.presence = new RedisPresence(scripts, uri.presenceTtlMs());
    this.news = Executors.newSingleThreadExecutor(daemon("longlink-redis-news"));
    this.bus = new RedisBus("node-" + UUID.randomUUID(), uri.prefix() + "news", subscriber, commands.async(), news);
    this.refresher = Executors.newSingleThreadScheduledExecutor(daemon("longlink-redis-presence"));
    refresher.scheduleWithFixedDelay(presence::refresh, presence.refreshEveryMs(), presence.refreshEveryMs(),
        TimeUnit.MILLISECONDS);
    this.description = uri.redacted() + " (as durable as that Redis's persistence: README, \"Several nodes on Redis\")";
  }

  /** Connects to the Redis of {@code uri}; fails with a message naming it when it cannot be reached. */
  public static RedisEngine connect(RedisStoreUri uri, StoreBounds bounds) {
    RedisClient client = RedisClient.create(uri.redisUri());
    client.setOptions(ClientOptions.builder()
        .autoReconnect(true)
        // While Redis is away, fail at once (a chat is then refused as unavailable, and sent again) rather than queue.
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .timeoutOptions(TimeoutOptions.enabled(Duration.ofMillis(uri.timeoutMs())))
        .build());
    StatefulRedisConnection<String, String> commands = null;
    StatefulRedisPubSubConnection<String, String> subscriber = null;
    try {
      commands = client.connect();
      subscriber = client.connectPubSub();
      RedisEngine engine = new RedisEngine(client, commands, subscriber, uri, bounds);
      client.addListener(new RedisConnectionStateListener() {
        @Override
        public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
          engine.bus.reconnected();
        }
      });
      return engine;
    } catch (RedisException e) {
      if (subscriber != null) {
        subscriber.close();
      }
      if (commands != null) {
        commands.close();
      }
      client.shutdown();
      throw new StoreUnavailable("cannot reach the Redis store at " + uri.redacted() + ": " + e.getMessage()
          + "; start redis-server there, or give --store the address of one", e);
    }
  }

  @Override
  public MessageStore messages() {
    return messages;
  }

  @Override
  public PresenceStore presence() {
    return presence;
  }

  @Override
  public DeliveryBus bus() {
    return bus;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public void close() {
    refresher.shutdownNow();
    news.shutdownNow();
    subscriber.close();
    commands.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
