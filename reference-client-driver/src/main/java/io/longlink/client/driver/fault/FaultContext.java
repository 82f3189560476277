package io.longlink.client.driver.fault;

import io.longlink.client.time.ClientScheduler;

/**
 * What a fault may know about the client it breaks.
 *
 * @param token the user's token (for a fault that leaks it)
 * @param hasSigningKey whether the application gave the client a signing key
 * @param scheduler the client's clock and thread, for faults that keep time
 */
public record FaultContext(String token, boolean hasSigningKey, ClientScheduler scheduler) {}
