package io.longlink.server.faults.ports;

import io.longlink.server.store.InboxStore;
import io.longlink.server.store.PendingDelivery;
import java.util.List;
import java.util.Optional;

/** An inbox that passes every call on; faults override what they change. */
class ForwardingInbox implements InboxStore {

  final InboxStore inbox;

  ForwardingInbox(InboxStore inbox) {
    this.inbox = inbox;
  }

  @Override
  public void append(String user, PendingDelivery delivery) {
    inbox.append(user, delivery);
  }

  @Override
  public List<PendingDelivery> pending(String user) {
    return inbox.pending(user);
  }

  @Override
  public Optional<PendingDelivery> find(String user, long seq) {
    return inbox.find(user, seq);
  }

  @Override
  public boolean remove(String user, long seq) {
    return inbox.remove(user, seq);
  }

  @Override
  public List<Long> removeUpTo(String user, long seq) {
    return inbox.removeUpTo(user, seq);
  }

  @Override
  public int size(String user) {
    return inbox.size(user);
  }

  @Override
  public long bytes(String user) {
    return inbox.bytes(user);
  }

  @Override
  public long total() {
    return inbox.total();
  }

  @Override
  public long totalBytes() {
    return inbox.totalBytes();
  }

  @Override
  public long bytesFrom(String sender) {
    return inbox.bytesFrom(sender);
  }

  @Override
  public void markSent(String user, long seq) {
    inbox.markSent(user, seq);
  }

  @Override
  public boolean wasSent(String user, long seq) {
    return inbox.wasSent(user, seq);
  }
}
