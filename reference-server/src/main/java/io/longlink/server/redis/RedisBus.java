package io.longlink.server.redis;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.longlink.server.store.DeliveryBus;
import java.util.Collection;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * News of new pending deliveries between nodes, on one Redis pub/sub channel: "node id, then the
 * users", a line each. Every node hears every node's news and drops what is not for a user with a
 * session on it; a node's own news it has acted on already. Pub/sub can lose news while a node is
 * disconnected from Redis: Lettuce resubscribes on reconnect, and the engine then has every local
 * user looked at ({@code resync}). What is sent is always read from the store, so late or repeated
 * news does no harm.
 */
final class RedisBus implements DeliveryBus {

  private final String nodeId;
  private final String channel;
  private final StatefulRedisPubSubConnection<String, String> subscriber;
  private final RedisAsyncCommands<String, String> publisher;
  private final ExecutorService news;
  private volatile Runnable resync = () -> {};

  RedisBus(String nodeId, String channel, StatefulRedisPubSubConnection<String, String> subscriber,
      RedisAsyncCommands<String, String> publisher, ExecutorService news) {
    this.nodeId = nodeId;
    this.channel = channel;
    this.subscriber = subscriber;
    this.publisher = publisher;
    this.news = news;
  }

  @Override
  public void listen(Consumer<String> wake, Runnable resync) {
    this.resync = resync;
    subscriber.addListener(new RedisPubSubAdapter<>() {
      @Override
      public void message(String from, String message) {
        if (!from.equals(channel)) {
          return;
        }
        String[] lines = message.split("\n", -1);
        if (lines.length < 2 || lines[0].equals(nodeId)) {
          return;
        }
        // Off Lettuce's event loop: waking a user reads the store, which waits for Redis.
        news.execute(() -> {
          for (int i = 1; i < lines.length; i++) {
            wake.accept(lines[i]);
          }
        });
      }
    });
    subscriber.sync().subscribe(channel);
  }

  /** The subscription is back after a disconnect: news may have been missed meanwhile. */
  void reconnected() {
    news.execute(resync);
  }

  @Override
  public void publish(Collection<String> users) {
    if (users.isEmpty()) {
      return;
    }
    // Not waited for: the chat is stored and acked either way; a node that misses news resyncs on reconnect.
    publisher.publish(channel, nodeId + "\n" + String.join("\n", users));
  }
}
