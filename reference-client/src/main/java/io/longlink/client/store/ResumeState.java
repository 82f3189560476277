package io.longlink.client.store;

/**
 * The resume point sent in auth: the highest seq up to which every delivery received was
 * processed (LL-DLV-11), and the history epoch of the server session it belongs to.
 *
 * @param lastSeq 0 when nothing has been processed
 * @param epoch the epoch of the auth_ok the seqs belong to, or null when the server gave none
 */
public record ResumeState(long lastSeq, String epoch) {

  /** Nothing processed yet. */
  public static final ResumeState NONE = new ResumeState(0, null);
}
