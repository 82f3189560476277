package io.longlink.client.time;

/** A scheduled task that can be called off. */
@FunctionalInterface
public interface Cancellable {

  /** Calls the task off; it does not run if it has not started. Calling twice is harmless. */
  void cancel();

  /** A handle for "nothing scheduled". */
  Cancellable NONE = () -> { };
}
