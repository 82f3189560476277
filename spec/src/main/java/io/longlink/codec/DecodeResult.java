package io.longlink.codec;

import java.util.Objects;

/**
 * The outcome of decoding one frame: the typed message, or the error that says what is wrong.
 *
 * @param <T> {@code ClientMessage} or {@code ServerMessage}
 */
public final class DecodeResult<T> {

  private final T message;
  private final DecodeError error;

  private DecodeResult(T message, DecodeError error) {
    this.message = message;
    this.error = error;
  }

  static <T> DecodeResult<T> ok(T message) {
    return new DecodeResult<>(Objects.requireNonNull(message), null);
  }

  static <T> DecodeResult<T> failed(DecodeError error) {
    return new DecodeResult<>(null, Objects.requireNonNull(error));
  }

  /** Whether the frame decoded into a valid message. */
  public boolean isOk() {
    return message != null;
  }

  /** The decoded message. */
  public T message() {
    if (message == null) {
      throw new IllegalStateException("no message: " + error);
    }
    return message;
  }

  /** What was wrong with the frame. */
  public DecodeError error() {
    if (error == null) {
      throw new IllegalStateException("the frame decoded fine; there is no error");
    }
    return error;
  }

  @Override
  public String toString() {
    return message != null ? "ok(" + message + ")" : "failed(" + error + ")";
  }
}
