package io.longlink.protocol;

import java.util.Optional;

/**
 * Every close code of Longlink v1: the mirror of the close-code table in PROTOCOL.md §16 (a
 * test keeps the two identical). Codes 1000-1015 are RFC 6455's, 4000-4999 Longlink's.
 */
public enum CloseCode {
  NORMAL(1000, "normal", Reconnect.YES, "The client ended the session on purpose; one the client did not ask for is followed by a reconnect (LL-RC-5)."),
  GOING_AWAY(1001, "going_away", Reconnect.AFTER_HINT, "The server is shutting down."),
  PROTOCOL_ERROR(1002, "protocol_error", Reconnect.YES, "The client broke RFC 6455's framing; the WebSocket layer closes."),
  UNSUPPORTED_DATA(1003, "unsupported_data", Reconnect.YES, "The client sent a binary frame."),
  ABNORMAL(1006, "abnormal", Reconnect.YES, "The connection ended without a close frame; reported locally, never sent."),
  INVALID_PAYLOAD(1007, "invalid_payload", Reconnect.YES, "A text frame was not valid UTF-8."),
  MESSAGE_TOO_BIG(1009, "message_too_big", Reconnect.YES, "A frame was larger than limits.max_message_bytes."),
  INTERNAL_ERROR(1011, "internal_error", Reconnect.YES, "The server failed unexpectedly."),
  SERVICE_RESTART(1012, "service_restart", Reconnect.AFTER_HINT, "The server is restarting."),
  TRY_AGAIN_LATER(1013, "try_again_later", Reconnect.AFTER_HINT, "The server is overloaded."),
  HEARTBEAT_TIMEOUT(4000, "heartbeat_timeout", Reconnect.YES, "Nothing was received for heartbeat.timeout_ms."),
  UNAUTHORIZED(4001, "unauthorized", Reconnect.NO, "The token could not be verified, or auth failed its schema."),
  TOKEN_EXPIRED(4002, "token_expired", Reconnect.NO, "The token has expired."),
  FORBIDDEN(4003, "forbidden", Reconnect.NO, "The user is not allowed to connect."),
  AUTH_TIMEOUT(4004, "auth_timeout", Reconnect.YES, "No auth within limits.auth_timeout_ms."),
  NOT_AUTHENTICATED(4005, "not_authenticated", Reconnect.YES, "A message other than auth came before auth."),
  ALREADY_AUTHENTICATED(4006, "already_authenticated", Reconnect.YES, "A second auth on a session."),
  SUBPROTOCOL_REQUIRED(4007, "subprotocol_required", Reconnect.NO, "The client did not offer longlink.v1."),
  MALFORMED_FRAME(4008, "malformed_frame", Reconnect.YES, "A text frame was not a JSON object with a string type."),
  TOO_MANY_CONNECTIONS(4009, "too_many_connections", Reconnect.AFTER_HINT, "The user holds limits.max_connections_per_user sessions already."),
  SLOW_CONSUMER(4010, "slow_consumer", Reconnect.YES, "The client did not read fast enough; its outbound queue overflowed.");

  private final int code;
  private final String wireName;
  private final Reconnect reconnect;
  private final String meaning;

  CloseCode(int code, String wireName, Reconnect reconnect, String meaning) {
    this.code = code;
    this.wireName = wireName;
    this.reconnect = reconnect;
    this.meaning = meaning;
  }

  /** The numeric close code. */
  public int code() {
    return code;
  }

  /** The code's name in the table, e.g. {@code heartbeat_timeout}; servers start close reasons with it. */
  public String wireName() {
    return wireName;
  }

  /** What the client does next. */
  public Reconnect reconnect() {
    return reconnect;
  }

  /** The meaning column of the table. */
  public String meaning() {
    return meaning;
  }

  /** The code with this number, if the table has one. Unknown codes mean "reconnect" (LL-CLOSE-3). */
  public static Optional<CloseCode> of(int code) {
    for (CloseCode c : values()) {
      if (c.code == code) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** "4000 heartbeat_timeout", or the bare number for a code outside the table. */
  public static String describe(int code) {
    return of(code).map(c -> c.code + " " + c.wireName).orElse(code + " (not a Longlink close code)");
  }
}
