package io.longlink.cli;

/** The target did not answer a WebSocket opening handshake: nothing was checked. Exit code 2. */
public class TargetUnreachableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TargetUnreachableException(String message) {
    super(message);
  }
}
