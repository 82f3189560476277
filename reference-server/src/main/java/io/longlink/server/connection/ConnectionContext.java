package io.longlink.server.connection;

import io.longlink.codec.MessageCodec;
import io.longlink.server.auth.TokenVerifier;
import io.longlink.server.config.ServerConfig;
import io.longlink.server.limits.RateLimits;
import io.longlink.server.messaging.Hub;
import io.longlink.server.metrics.ServerMetrics;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** What every connection of one server shares. */
public record ConnectionContext(
    ServerConfig config,
    Hub hub,
    TokenVerifier verifier,
    MessageCodec codec,
    ServerMetrics metrics,
    ScheduledExecutorService scheduler,
    Clock clock,
    AuthOkFactory authOk,
    AtomicLong connectionCounter,
    ConnectionRegistry openConnections,
    RateLimits rateLimits,
    LongSupplier nanoTime) {}
