package io.longlink.protocol;

/** Constants of Longlink v1 that are not carried by any message. */
public final class Protocol {

  /** The WebSocket subprotocol token a client offers and a server selects (LL-TR-1, LL-TR-2). */
  public static final String SUBPROTOCOL = "longlink.v1";

  /** The version of the specification this artifact was generated from. */
  public static final String VERSION = "1.1.1";

  /** How late a server can answer a ping (LL-HB-2). */
  public static final long PONG_DEADLINE_MS = 1000;

  /** How late after auth_timeout_ms a server can close a connection that never sent auth (LL-AUTH-8). */
  public static final long AUTH_TIMEOUT_GRACE_MS = 1000;

  /** How late after auth_timeout_ms a server can close a connection that has not completed the upgrade (LL-LIM-9). */
  public static final long UPGRADE_TIMEOUT_GRACE_MS = 1000;

  /** The largest close reason RFC 6455 allows, in bytes. */
  public static final int MAX_CLOSE_REASON_BYTES = 123;

  /** The deepest nesting of objects and arrays a receiver reads, the message object being depth 1 (LL-ERR-8). */
  public static final int MAX_NESTING_DEPTH = 64;

  /** The longest number literal a receiver reads, in characters (LL-ERR-8). */
  public static final int MAX_NUMBER_LENGTH = 64;

  private Protocol() {}
}
