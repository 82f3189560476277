package io.longlink.load;

import io.longlink.client.transport.Link;
import io.longlink.client.transport.LinkListener;
import io.longlink.client.transport.Transport;
import io.longlink.protocol.Protocol;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A load user on the bare stack ({@code longlink baseline}): one WebSocket on the same client
 * transport as {@link LonglinkUser}'s, in the room given in its URL. A chat is the text frame
 * {@code "<chat> <sender> <body>"}; the server sends it to every connection of the room, and the
 * sender's own copy is its ack. No auth, no heartbeat, no reconnect: the stack and nothing else.
 */
final class BareUser implements LoadUser {

  private static final Duration OPEN_WITHIN = Duration.ofSeconds(30);

  private final URI base;
  private final int me;
  private final Transport transport;
  private final Events events;
  private final Map<Integer, CompletableFuture<Void>> unacked = new ConcurrentHashMap<>();
  private final CompletableFuture<Void> open = new CompletableFuture<>();
  private final URI uri;
  private volatile Link link;

  BareUser(LoadPlan plan, int i, Transport transport, Events events) {
    this.base = plan.uri();
    this.me = i;
    this.transport = transport;
    this.events = events;
    // Direct chats have no room: each user alone in one, which makes the server an echo.
    this.uri = withRoom(plan.roomSize() == 0 ? "u" + i : plan.room(i));
  }

  @Override
  public void connect() {
    link = transport.open(uri, Protocol.SUBPROTOCOL, OPEN_WITHIN, new LinkListener() {
      @Override
      public void opened() {
        open.complete(null);
        events.opened();
      }

      @Override
      public void text(String frame) {
        received(frame);
      }

      @Override
      public void closed(int code, String reason) {
        IllegalStateException gone = new IllegalStateException("the connection closed with " + code + ": " + reason);
        open.completeExceptionally(gone);
        unacked.values().forEach(f -> f.completeExceptionally(gone));
        events.closed(code);
      }
    });
  }

  /** The room is the connection's: given in the URL before it opens (it is, for rooms, when the user is made). */
  @Override
  public CompletableFuture<?> join(String room) {
    return open;
  }

  @Override
  public CompletableFuture<?> send(int chat, String to, boolean toRoom, String body) {
    CompletableFuture<Void> ack = new CompletableFuture<>();
    unacked.put(chat, ack);
    Link l = link;
    if (l == null) {
      ack.completeExceptionally(new IllegalStateException("not connected"));
    } else {
      l.send(chat + " " + me + " " + body);
    }
    return ack;
  }

  @Override
  public void close() {
    Link l = link;
    if (l != null) {
      l.close(1000, "load run over");
    }
  }

  private void received(String frame) {
    int first = frame.indexOf(' ');
    int second = first < 0 ? -1 : frame.indexOf(' ', first + 1);
    if (second < 0) {
      return;
    }
    try {
      int chat = Integer.parseInt(frame, 0, first, 10);
      int sender = Integer.parseInt(frame, first + 1, second, 10);
      if (sender == me) {
        CompletableFuture<Void> ack = unacked.remove(chat);
        if (ack != null) {
          ack.complete(null);
        }
      } else {
        events.delivered(chat);
      }
    } catch (NumberFormatException e) {
      // Not a frame of this run.
    }
  }

  private URI withRoom(String room) {
    String query = "room=" + URLEncoder.encode(room, StandardCharsets.UTF_8);
    return URI.create(base + (base.getRawQuery() == null ? "?" : "&") + query);
  }
}
