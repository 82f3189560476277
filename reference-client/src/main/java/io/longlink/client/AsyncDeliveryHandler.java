package io.longlink.client;

import java.util.concurrent.CompletionStage;

/**
 * Processes delivered chats when processing finishes later than the call, for an application
 * that stores deliveries asynchronously or lets the user confirm them. The delivery counts as
 * processed when the returned stage completes normally: only then is it acknowledged (LL-DLV-1)
 * and can the resume point pass it (LL-DLV-11). A stage that completes exceptionally (or a call
 * that throws) leaves it unprocessed, and the server sends it again. Copies that arrive while it
 * is being processed are not handed over (LL-DD-6); they are acknowledged once it is processed.
 * Called on the client's thread; the stage may complete on any thread.
 */
@FunctionalInterface
public interface AsyncDeliveryHandler {

  /** Starts processing one delivery; the stage completes when it is safe (stored, shown). */
  CompletionStage<?> process(Delivery delivery) throws Exception;
}
