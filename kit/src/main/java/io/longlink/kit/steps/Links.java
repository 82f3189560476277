package io.longlink.kit.steps;

import io.longlink.kit.CheckFailure;
import io.longlink.kit.wire.Deadline;
import io.longlink.kit.wire.KitSocket;
import io.longlink.kit.wire.Received;
import io.longlink.kit.wire.ScenarioDeadline;
import io.longlink.kit.wire.TranscriptRecorder;
import io.longlink.model.Auth;
import io.longlink.model.AuthOk;
import io.longlink.model.ChatDelivery;
import io.longlink.model.ServerMessage;
import io.longlink.model.ClientInfo;
import io.longlink.protocol.Protocol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The connections of one scenario, by role; all closed when the scenario ends. */
public final class Links {

  private final Cast cast;
  private final Map<String, List<Link>> byRole = new LinkedHashMap<>();
  /** Every connection that got an auth_ok, in that order; closing a role's connections keeps them here. */
  private final List<Link> authenticated = new ArrayList<>();

  private final Placement placement;

  public Links(Cast cast) {
    this.cast = cast;
    this.placement = new Placement(cast.settings().nodes());
  }

  /** Opens a connection for a role, on the node {@link Placement} gives it. */
  public Link open(String role, List<String> subprotocols, String query) {
    List<Link> links = byRole.computeIfAbsent(role, r -> new ArrayList<>());
    int node = placement.next(role);
    String name = role + "'s connection #" + (links.size() + 1)
        + (placement.spread() ? " (node " + (node + 1) + ", " + placement.node(node) + ")" : "");
    Link link = new Link(role, name, node, KitSocket.open(name, placement.node(node), subprotocols, query));
    links.add(link);
    return link;
  }

  /** Opens a connection offering longlink.v1. */
  public Link open(String role) {
    return open(role, List.of(Protocol.SUBPROTOCOL), null);
  }

  /** A connection with a session: connected, authenticated with a valid token, kept alive. */
  public Link session(String role) {
    return session(role, null, null);
  }

  /** A session that resumes after {@code lastSeq} of {@code epoch} (either may be null, to leave it out of auth). */
  public Link session(String role, Long lastSeq, String epoch) {
    Link link = open(role);
    String token = cast.token(role);
    TranscriptRecorder.current().name(token, "token of " + role);
    sendAuth(link, token, lastSeq, epoch);
    authenticated(link);
    return link;
  }

  /** Sends auth without a resume point, without waiting for the answer. */
  public void sendAuth(Link link, String token) {
    sendAuth(link, token, null, null);
  }

  /** Sends auth without waiting for the answer. */
  public void sendAuth(Link link, String token, Long lastSeq, String epoch) {
    link.socket().send(new Auth(token, new ClientInfo("longlink-kit", Protocol.VERSION), lastSeq, epoch));
  }

  /** Waits for auth_ok, remembers it, and starts the keepalive at half the advertised interval. */
  public AuthOk authenticated(Link link) {
    Received<AuthOk> ok = link.socket().expect(AuthOk.class, a -> true, Waits.reply(), "auth_ok for a valid token");
    link.authenticated(ok.message());
    authenticated.add(link);
    ScenarioDeadline.advertised(ok.message());
    link.socket().keepAlive(Duration.ofMillis(Math.max(50, ok.message().heartbeat().intervalMs() / 2)));
    return ok.message();
  }

  /**
   * The next message on a connection, not skipping any but deliveries from users of other
   * scenarios (which only a server that leaks chats sends, and which are other scenarios' business).
   */
  public Received<ServerMessage> nextOwn(Link link, Duration within, String expectation) {
    Deadline deadline = Deadline.after(within);
    while (true) {
      Received<ServerMessage> next = link.socket().next(deadline, expectation);
      if (!(next.message() instanceof ChatDelivery d) || cast.isOurs(d.from())) {
        return next;
      }
    }
  }

  /** The role's most recent connection. */
  public Link latest(String role) {
    List<Link> links = byRole.get(role);
    if (links == null || links.isEmpty()) {
      throw new IllegalStateException("the scenario uses " + role + "'s connection before " + role + " connected");
    }
    return links.get(links.size() - 1);
  }

  /** The role's connections, oldest first. */
  public List<Link> all(String role) {
    return List.copyOf(byRole.getOrDefault(role, List.of()));
  }

  /** Forgets a role's connections after closing them. */
  public void closeAll(String role) {
    for (Link link : byRole.getOrDefault(role, List.of())) {
      link.socket().close();
    }
    byRole.remove(role);
  }

  /** The parameters the server advertised to a role (its latest authenticated connection). */
  public AuthOk parameters(String role) {
    List<Link> links = byRole.getOrDefault(role, List.of());
    for (int i = links.size() - 1; i >= 0; i--) {
      if (links.get(i).authOk() != null) {
        return links.get(i).authOk();
      }
    }
    throw new CheckFailure(role + " to have a session whose auth_ok gives the parameters", "no auth_ok");
  }

  /** Every connection of the scenario that got an auth_ok, closed or not, in the order they got it. */
  public List<Link> authenticatedSoFar() {
    return List.copyOf(authenticated);
  }

  /** The epoch of the scenario's latest auth_ok: the server's history as the scenario last saw it. */
  public String latestEpoch() {
    List<Link> sessions = authenticatedSoFar();
    if (sessions.isEmpty()) {
      throw new IllegalStateException("the scenario resumes before any session got an auth_ok with the server's epoch");
    }
    return sessions.get(sessions.size() - 1).authOk().epoch();
  }

  /** Every connection of the scenario. */
  public List<Link> everything() {
    List<Link> all = new ArrayList<>();
    byRole.values().forEach(all::addAll);
    return all;
  }

  /** Closes everything, gracefully (waiting for the server's reply) or by dropping the sockets. */
  public void closeEverything(boolean gracefully) {
    for (Link link : everything()) {
      if (gracefully) {
        link.socket().close();
      } else {
        link.socket().drop();
      }
    }
  }
}
