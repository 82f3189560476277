package io.longlink.schema;

/** Which way a message travels; the same {@code type} can name a different message in each direction. */
public enum Direction {
  /** Client -> Server: the AsyncAPI document's {@code receive} operations. */
  CLIENT_TO_SERVER,
  /** Server -> Client: the AsyncAPI document's {@code send} operations and the replies. */
  SERVER_TO_CLIENT
}
