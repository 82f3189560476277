package io.longlink.load;

import io.longlink.client.ClientObserver;
import io.longlink.client.ConnectionState;
import io.longlink.client.LonglinkClient;
import io.longlink.client.time.ClientScheduler;
import io.longlink.client.transport.Transport;
import io.longlink.model.RecipientKind;
import java.util.concurrent.CompletableFuture;

/** A load user on a Longlink server: a reference client, which reconnects, resumes and dedups as the protocol says. */
final class LonglinkUser implements LoadUser {

  private static final String CLIENT_NAME = "longlink-load";

  private final LonglinkClient client;
  private final String runPrefix;

  LonglinkUser(LoadPlan plan, int i, ClientScheduler scheduler, Transport transport, Events events) {
    String user = plan.user(i);
    this.runPrefix = plan.runId() + "-";
    var builder = LonglinkClient.builder(plan.uri())
        .token(plan.tokens().apply(user))
        .clientInfo(CLIENT_NAME, "1")
        .scheduler(scheduler)
        .transport(transport)
        .deliveryHandler(d -> {
          if (d.id().startsWith(runPrefix)) {
            try {
              events.delivered(Integer.parseInt(d.id().substring(runPrefix.length())));
            } catch (NumberFormatException e) {
              // Not one of this run's chats.
            }
          }
        })
        .observer(new ClientObserver() {
          @Override
          public void stateChanged(ConnectionState state) {
            if (state instanceof ConnectionState.Open) {
              events.opened();
            } else if (state instanceof ConnectionState.Reconnecting r) {
              events.closed(r.closeCode());
            } else if (state instanceof ConnectionState.Closed c) {
              events.closed(c.closeCode());
            }
          }
        });
    plan.signingKeys().apply(user).ifPresent(builder::signingKey);
    this.client = builder.build();
  }

  @Override
  public void connect() {
    client.connect();
  }

  @Override
  public CompletableFuture<?> join(String room) {
    return client.join(room);
  }

  @Override
  public CompletableFuture<?> send(int chat, String to, boolean toRoom, String body) {
    return client.send(runPrefix + chat, toRoom ? RecipientKind.ROOM : RecipientKind.USER, to, body);
  }

  @Override
  public void close() {
    client.close();
  }
}
