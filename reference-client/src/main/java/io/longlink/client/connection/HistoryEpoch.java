package io.longlink.client.connection;

import io.longlink.client.store.ResumeState;
import io.longlink.model.Auth;
import io.longlink.model.AuthOk;
import io.longlink.model.ClientInfo;

/**
 * The one place that reads the history epoch from auth_ok and writes it into auth. A resume
 * point only means something within the history it was counted in: a server that lost its
 * history (an in-memory store restarted) numbers seqs afresh, and a stale last_seq would then
 * make it drop deliveries the client never saw. PENDING: the models do not carry {@code epoch}
 * yet; when they do, {@link #of(AuthOk)} returns {@code authOk.epoch()} and {@link #auth} passes
 * {@code resume.epoch()} to the Auth constructor. Until then every server is "epoch unknown".
 */
public final class HistoryEpoch {

  private HistoryEpoch() {}

  /** The epoch auth_ok advertises, or null when it advertises none. */
  public static String of(AuthOk authOk) {
    return null;
  }

  /** The auth for a new connection: the token, the client's name and the resume point with its epoch. */
  public static Auth auth(String token, ClientInfo client, ResumeState resume) {
    return new Auth(token, client, resume.lastSeq() > 0 ? resume.lastSeq() : null);
  }
}
