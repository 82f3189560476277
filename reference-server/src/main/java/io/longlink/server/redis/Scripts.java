package io.longlink.server.redis;

import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import io.longlink.server.store.StoreUnavailable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Lua scripts of the Redis engine, each the shared prelude and its own body, run by digest
 * (EVALSHA) and sent whole only when Redis does not have it (after a restart, SCRIPT FLUSH).
 * A script runs atomically: no other command runs while it does, which is what makes each store
 * operation one step for every node.
 */
final class Scripts {

  /** One script: its text and digest. */
  record Script(String name, String text, String digest) {}

  static final Script ACCEPT = load("accept");
  static final Script BACKLOG = load("backlog");
  static final Script UNSENT = load("unsent");
  static final Script RESEND = load("resend");
  static final Script SETTLE = load("settle");
  static final Script JOIN = load("join");
  static final Script EPOCH = load("epoch");
  static final Script PRESENCE = load("presence");

  private static final String[] NO_KEYS = new String[0];

  private final RedisCommands<String, String> redis;
  private final String prefix;

  Scripts(RedisCommands<String, String> redis, String prefix) {
    this.redis = redis;
    this.prefix = prefix;
  }

  /**
   * Runs a script with the key prefix first and then {@code args}. Keys are made inside the
   * scripts from the prefix, which a single Redis allows and Redis Cluster does not (README).
   */
  <T> T run(Script script, ScriptOutputType type, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = prefix;
    System.arraycopy(args, 0, all, 1, args.length);
    try {
      try {
        return redis.evalsha(script.digest(), type, NO_KEYS, all);
      } catch (RedisNoScriptException e) {
        return redis.eval(script.text(), type, NO_KEYS, all);
      }
    } catch (RedisException e) {
      throw new StoreUnavailable("the Redis store did not run " + script.name() + ": " + e.getMessage(), e);
    }
  }

  private static Script load(String name) {
    String text = resource("prelude") + resource(name);
    return new Script(name, text, sha1(text));
  }

  private static String resource(String name) {
    try (InputStream in = Scripts.class.getResourceAsStream(name + ".lua")) {
      if (in == null) {
        throw new IllegalStateException("the Redis script " + name + ".lua is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha1(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
