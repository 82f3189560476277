package io.longlink.client;

import io.longlink.client.connection.Connector;
import io.longlink.client.outbox.Outbox;
import io.longlink.client.store.StoredChat;
import io.longlink.client.time.ClientScheduler;
import io.longlink.model.Join;
import io.longlink.model.Leave;
import io.longlink.model.RecipientKind;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * A Longlink client: one WebSocket to one server for one user, kept alive across network loss.
 * It pings when quiet, notices a half-open link by silence, reconnects with backoff, keeps every
 * chat until the server acknowledges it and sends it again after a reconnect with its original id,
 * hands each delivery to the {@link DeliveryHandler} once and acknowledges it after.
 *
 * <pre>{@code
 * try (LonglinkClient client = LonglinkClient.builder(URI.create("wss://chat.example.com/ws"))
 *     .token(token).deliveryHandler(d -> show(d.from(), d.body())).build()) {
 *   client.connect();
 *   client.sendToUser("bob", "see you at 6").thenAccept(ack -> markSent(ack.id()));
 * }
 * }</pre>
 *
 * Every method is thread-safe and returns at once; the work happens on the client's thread.
 */
public final class LonglinkClient implements AutoCloseable {

  private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final Pattern NAME = Pattern.compile("[!-~]{1,128}");

  private final ClientScheduler scheduler;
  private final Connector connector;
  private final Outbox outbox;
  private final Runnable release;
  private volatile ConnectionState state = new ConnectionState.Closed(CloseCause.CLOSED_BY_APPLICATION, 1000, "not connected yet");

  LonglinkClient(ClientScheduler scheduler, Connector connector, Outbox outbox, Runnable release) {
    this.scheduler = scheduler;
    this.connector = connector;
    this.outbox = outbox;
    this.release = release;
  }

  /** A builder for a client of the server at {@code uri} ({@code wss://}, or {@code ws://} on loopback). */
  public static ClientBuilder builder(URI uri) {
    return new ClientBuilder(uri);
  }

  /** Starts connecting; from then on the client reconnects by itself until closed or refused. */
  public void connect() {
    scheduler.execute(connector::start);
  }

  /** Sends a chat to a user under a fresh id. */
  public CompletableFuture<ChatResult> sendToUser(String user, String body) {
    return send(newId(), RecipientKind.USER, user, body);
  }

  /** Sends a chat to a room (join it first) under a fresh id. */
  public CompletableFuture<ChatResult> sendToRoom(String room, String body) {
    return send(newId(), RecipientKind.ROOM, room, body);
  }

  /**
   * Sends a chat under an id the application chose (unique per user for the dedup window). It is
   * queued while there is no session; the future completes with the server's ack, or fails with
   * a {@link SendFailedException} that says why.
   */
  public CompletableFuture<ChatResult> send(String id, RecipientKind kind, String to, String body) {
    check("id", id, MESSAGE_ID, "1-64 characters from A-Z a-z 0-9 . _ : -");
    check("to", to, NAME, "1-128 printable ASCII characters without spaces");
    if (body == null || body.isEmpty()) {
      throw new IllegalArgumentException("body: a chat has a body of at least 1 character");
    }
    StoredChat chat = new StoredChat(id, kind.getValue(), to, body, 0);
    return onThread(() -> outbox.chat(chat));
  }

  /** Joins a room; completes when the server answers joined. */
  public CompletableFuture<String> join(String room) {
    return join(newId(), room);
  }

  /** Joins a room under an id the application chose (unique per user, as for chats). */
  public CompletableFuture<String> join(String id, String room) {
    check("id", id, MESSAGE_ID, "1-64 characters from A-Z a-z 0-9 . _ : -");
    check("room", room, NAME, "1-128 printable ASCII characters without spaces");
    return onThread(() -> outbox.room(id, new Join(id, room)));
  }

  /** Leaves a room; completes when the server answers left. */
  public CompletableFuture<String> leave(String room) {
    return leave(newId(), room);
  }

  /** Leaves a room under an id the application chose. */
  public CompletableFuture<String> leave(String id, String room) {
    check("id", id, MESSAGE_ID, "1-64 characters from A-Z a-z 0-9 . _ : -");
    check("room", room, NAME, "1-128 printable ASCII characters without spaces");
    return onThread(() -> outbox.room(id, new Leave(id, room)));
  }

  /**
   * New credentials, used from the next connection on. After a refusal (4001, 4002, 4003,
   * 4007) this is what makes the client connect again (LL-RC-6).
   */
  public void updateToken(String token) {
    ClientBuilder.checkToken(token);
    scheduler.execute(() -> connector.updateToken(token));
  }

  /**
   * Tells the client that the platform reports the network available again or the app in the
   * foreground: a backoff wait under way ends now, since the next attempt will most likely
   * succeed, but never before a goaway's {@code retry_after_ms} (LL-RC-10). Call it once per event.
   */
  public void wake() {
    scheduler.execute(connector::platformBack);
  }

  /** The latest connection state. */
  public ConnectionState state() {
    return state;
  }

  void stateChanged(ConnectionState newState) {
    this.state = newState;
  }

  /**
   * Closes the session deliberately (code 1000, no reconnect, LL-RC-5) and then releases the
   * client's thread; returns at once, and the state turns {@link ConnectionState.Closed} soon
   * after. Unanswered sends fail with {@link SendFailedException#CLIENT_CLOSED}; the chats stay
   * in the store, for a later client on the same store to send.
   */
  @Override
  public void close() {
    scheduler.execute(() -> {
      connector.stop(CloseCause.CLOSED_BY_APPLICATION, "client closed by the application");
      outbox.close();
      release.run();
    });
  }

  private <T> CompletableFuture<T> onThread(java.util.function.Supplier<CompletableFuture<T>> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    scheduler.execute(() -> {
      try {
        work.get().whenComplete((value, failure) -> {
          if (failure != null) {
            result.completeExceptionally(failure);
          } else {
            result.complete(value);
          }
        });
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
    return result;
  }

  private static void check(String member, String value, Pattern allowed, String rule) {
    if (value == null || !allowed.matcher(value).matches()) {
      throw new IllegalArgumentException(member + ": \"" + value + "\" is not allowed; use " + rule);
    }
  }

  /**
   * A fresh message id, the kind the client gives a chat, join or leave when the application
   * gives none: for an application that wants to know the id before the answer comes.
   */
  public static String newId() {
    return UUID.randomUUID().toString();
  }
}
