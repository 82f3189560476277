package io.longlink.server.connection;

import io.longlink.model.AuthOk;
import io.longlink.model.DeliveryPolicy;
import io.longlink.model.HeartbeatPolicy;
import io.longlink.model.Limits;
import io.longlink.model.ReconnectPolicy;
import io.longlink.model.SigningAlgorithm;
import io.longlink.model.SigningPolicy;
import io.longlink.protocol.SessionParameter;
import io.longlink.server.config.ServerConfig;

/** The auth_ok a server with this configuration advertises: exactly the parameters it applies. */
public final class AuthOkFactory {

  private final ServerConfig config;

  public AuthOkFactory(ServerConfig config) {
    this.config = config;
  }

  /** The auth_ok of one session; {@code epoch} is the hub's, the same for every session (LL-DLV-12). */
  public AuthOk create(String sessionId, String userId, long serverTime, String epoch) {
    long initial = config.millis(SessionParameter.RECONNECT_INITIAL_DELAY_MS);
    long cap = config.millis(SessionParameter.RECONNECT_MAX_DELAY_MS);
    // LL-AUTH-12: server_time is this server's clock when auth_ok is made.
    AuthOk.Builder authOk = AuthOk.builder()
        .sessionId(sessionId)
        .userId(userId)
        .serverTime(serverTime)
        .heartbeat(HeartbeatPolicy.of(config.millis(SessionParameter.HEARTBEAT_INTERVAL_MS),
            config.millis(SessionParameter.HEARTBEAT_TIMEOUT_MS)))
        .reconnect(ReconnectPolicy.of(initial, config.number(SessionParameter.RECONNECT_MULTIPLIER), cap,
            config.number(SessionParameter.RECONNECT_JITTER)))
        .limits(Limits.builder()
            .maxMessageBytes(config.millis(SessionParameter.MAX_MESSAGE_BYTES))
            .rateMessages(config.millis(SessionParameter.RATE_MESSAGES))
            .rateWindowMs(config.millis(SessionParameter.RATE_WINDOW_MS))
            .maxConnectionsPerUser(config.millis(SessionParameter.MAX_CONNECTIONS_PER_USER))
            .authTimeoutMs(config.millis(SessionParameter.AUTH_TIMEOUT_MS))
            .build())
        .delivery(DeliveryPolicy.of(config.millis(SessionParameter.ACK_TIMEOUT_MS),
            config.millis(SessionParameter.MAX_PENDING), config.millis(SessionParameter.MAX_PENDING_BYTES)))
        .dedupWindowMs(config.millis(SessionParameter.DEDUP_WINDOW_MS))
        .epoch(epoch);
    if (config.signing()) {
      authOk.signing(SigningPolicy.of(SigningAlgorithm.HMAC_SHA256, config.millis(SessionParameter.REPLAY_WINDOW_MS)));
    }
    return authOk.build();
  }
}
