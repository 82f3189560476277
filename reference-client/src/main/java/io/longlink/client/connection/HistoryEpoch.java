package io.longlink.client.connection;

import io.longlink.client.store.ResumeState;
import io.longlink.model.Auth;
import io.longlink.model.AuthOk;
import io.longlink.model.ClientInfo;

/**
 * The one place that reads the history epoch from auth_ok and writes it into auth. A resume
 * point only means something within the history it was counted in: a server that lost its
 * history (an in-memory store restarted) numbers seqs afresh, and a stale last_seq would then
 * make it drop deliveries the client never saw (PROTOCOL.md LL-DLV-13, LL-DLV-14).
 */
public final class HistoryEpoch {

  private HistoryEpoch() {}

  /** The epoch auth_ok advertises, or null when it advertises none. */
  public static String of(AuthOk authOk) {
    return authOk.epoch();
  }

  /** The auth for a new connection: the token, the client's name and the resume point with its epoch. */
  public static Auth auth(String token, ClientInfo client, ResumeState resume) {
    // LL-DLV-14: a last_seq travels with its epoch or not at all.
    boolean resumable = resume.lastSeq() > 0 && resume.epoch() != null;
    return new Auth(token, client, resumable ? resume.lastSeq() : null, resumable ? resume.epoch() : null);
  }
}
