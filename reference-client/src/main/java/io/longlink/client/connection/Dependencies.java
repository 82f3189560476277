package io.longlink.client.connection;

import io.longlink.client.ClientObserver;
import io.longlink.client.ConnectionState;
import io.longlink.client.reconnect.BackoffPolicy;
import io.longlink.client.time.ClientScheduler;
import io.longlink.client.transport.Transport;
import io.longlink.codec.MessageCodec;
import java.util.function.Consumer;

/**
 * What a {@link Connector} works with, in one record so that a test can swap any part (a fake
 * transport, a scheduler whose time the test moves, a seeded random source).
 *
 * @param stateSink where state changes go (the client keeps the latest and tells the observer)
 */
public record Dependencies(Transport transport, ClientScheduler scheduler, BackoffPolicy backoff, MessageCodec codec,
    ClientObserver observer, Consumer<ConnectionState> stateSink) {}
