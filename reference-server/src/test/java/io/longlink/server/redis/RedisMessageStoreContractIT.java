package io.longlink.server.redis;

import io.longlink.server.store.MessageStore;
import io.longlink.server.store.MessageStoreContract;
import io.longlink.server.store.StoreBounds;
import io.longlink.server.testing.RedisProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The contract of {@link MessageStore} on the Redis store, on a real redis-server (one for the
 * class): each store has a key prefix of its own, so that no case sees another's keys.
 */
class RedisMessageStoreContractIT extends MessageStoreContract {

  private static final AtomicInteger STORES = new AtomicInteger();
  private static RedisProcess redis;

  private final List<RedisEngine> engines = new ArrayList<>();

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RedisProcess.startVolatile();
  }

  @AfterAll
  static void stopRedis() throws Exception {
    if (redis != null) {
      redis.close();
    }
  }

  @Override
  protected MessageStore newStore(StoreBounds bounds) {
    String prefix = "contract" + STORES.incrementAndGet() + ":";
    RedisEngine engine = RedisEngine.connect(RedisStoreUri.parse(redis.url() + "?prefix=" + prefix), bounds);
    engines.add(engine);
    return engine.messages();
  }

  @AfterEach
  void closeEngines() {
    engines.forEach(RedisEngine::close);
  }
}
