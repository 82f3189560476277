package io.longlink.cli;

/**
 * Something the person gave cannot be used: the message says which parameter, what was wrong,
 * what is allowed and what to do. Exit code 2.
 */
public class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
