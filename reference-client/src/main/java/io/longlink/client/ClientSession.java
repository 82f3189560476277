package io.longlink.client;

import io.longlink.client.connection.HistoryEpoch;
import io.longlink.client.connection.Sender;
import io.longlink.client.connection.SessionHandler;
import io.longlink.client.connection.SessionParams;
import io.longlink.client.inbox.Inbox;
import io.longlink.client.outbox.Outbox;
import io.longlink.client.store.ResumeState;
import io.longlink.model.AuthOk;
import io.longlink.model.ChatAck;
import io.longlink.model.ChatDelivery;
import io.longlink.model.ErrorMessage;
import io.longlink.model.Joined;
import io.longlink.model.Left;
import io.longlink.model.ServerMessage;
import java.util.function.LongSupplier;

/** Routes the messages of a session to the inbox and the outbox. */
final class ClientSession implements SessionHandler {

  private final Inbox inbox;
  private final Outbox outbox;
  private final ClientObserver observer;
  private final boolean hasSigningKey;
  private final LongSupplier clock;

  ClientSession(Inbox inbox, Outbox outbox, ClientObserver observer, boolean hasSigningKey, LongSupplier clock) {
    this.clock = clock;
    this.inbox = inbox;
    this.outbox = outbox;
    this.observer = observer;
    this.hasSigningKey = hasSigningKey;
  }

  @Override
  public ResumeState resumePoint() {
    return inbox.resumePoint();
  }

  @Override
  public void sessionStarted(AuthOk authOk, SessionParams params, Sender sender) {
    // The inbox first: pending deliveries follow auth_ok at once, and the outbox's flush may be paced.
    inbox.sessionStarted(HistoryEpoch.of(authOk), params, sender);
    boolean chatsAllowed = !params.signing() || hasSigningKey;
    if (!chatsAllowed) {
      // LL-SEC-8: receiving needs no key, so the session stays; only chats cannot be sent.
      observer.configurationError(new ClientConfigException("signingKey", "is missing, and the server signs chats "
          + "(auth_ok advertises signing); chats fail until a client is built with LonglinkClient.builder(...).signingKey(...)"));
    }
    // LL-SEC-7: sign on the server's clock, whatever the device's clock says.
    long offset = authOk.serverTime() - clock.getAsLong();
    outbox.sessionStarted(sender, authOk.sessionId(), offset, chatsAllowed);
  }

  @Override
  public void received(ServerMessage message) {
    if (message instanceof ChatDelivery delivery) {
      inbox.receive(delivery);
    } else if (message instanceof ChatAck ack) {
      outbox.acked(ack);
    } else if (message instanceof Joined joined) {
      outbox.answered(joined.id(), joined.room());
    } else if (message instanceof Left left) {
      outbox.answered(left.id(), left.room());
    } else if (message instanceof ErrorMessage error && !outbox.refused(error)) {
      observer.serverError(error);
    }
  }

  @Override
  public void sessionEnded() {
    outbox.sessionEnded();
    inbox.sessionEnded();
  }
}
