package io.longlink.client.connection;

import io.longlink.client.store.ResumeState;
import io.longlink.model.AuthOk;
import io.longlink.model.ServerMessage;

/** What runs inside a session: the outbox and the inbox. Called on the client's thread. */
public interface SessionHandler {

  /** The resume point for the next auth. */
  ResumeState resumePoint();

  /** auth_ok arrived; {@code sender} sends on this session until it ends. */
  void sessionStarted(AuthOk authOk, SessionParams params, Sender sender);

  /** A message of the session other than auth_ok and goaway. */
  void received(ServerMessage message);

  /** The session ended; nothing sent on it will be answered. */
  void sessionEnded();
}
