package io.longlink.client.store;

import java.util.List;
import java.util.Map;

/**
 * What a client keeps across connections and, when backed by disk, across app restarts: the
 * chats not yet acknowledged (LL-CHAT-7, LL-RC-8), the resume point (LL-DLV-11) and the
 * deliveries already processed (LL-DD-6). Calls come from the client's one scheduler thread.
 * The shape is deliberately plain (records, strings, numbers) so that a port to JavaScript or a
 * mini program can keep the same three things in its own storage.
 */
public interface ClientStore {

  /** The unacknowledged chats, in the order they were first given to the client. */
  List<StoredChat> outbox();

  /** Adds a chat at the end of the outbox, or replaces the one with the same id in place. */
  void putChat(StoredChat chat);

  /** Removes a settled chat (acknowledged, or reported as failed). */
  void removeChat(String id);

  /** The resume point, or {@link ResumeState#NONE}. */
  ResumeState resume();

  /** Replaces the resume point. */
  void putResume(ResumeState state);

  /** Processed deliveries: key {@code from + '\n' + id}, value when it was processed (ms). */
  Map<String, Long> processed();

  /** Records a processed delivery. */
  void putProcessed(String key, long processedAt);

  /** Forgets processed deliveries recorded before {@code cutoff}. */
  void forgetProcessedBefore(long cutoff);
}
