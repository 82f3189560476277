package io.longlink.server.store;

/**
 * A shared store could not be reached or did not answer in time. Nothing was promised: a chat
 * that meets it is not acked (the client sends it again, and dedup recognises it if the store did
 * take it after all), a session that meets it is not admitted.
 */
public final class StoreUnavailable extends RuntimeException {

  public StoreUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
