package io.longlink.server.redis;

import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import io.longlink.model.RecipientKind;
import io.longlink.server.store.Backlog;
import io.longlink.server.store.ChatRequest;
import io.longlink.server.store.ChatVerdict;
import io.longlink.server.store.DeliveryDraft;
import io.longlink.server.store.Epochs;
import io.longlink.server.store.MessageStore;
import io.longlink.server.store.Outgoing;
import io.longlink.server.store.PendingDelivery;
import io.longlink.server.store.StoreBounds;
import io.longlink.server.store.StoreUnavailable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The message store in one Redis, shared by every node. Each operation is one Lua script, so it
 * is atomic for all nodes. The keys, under a prefix ({@code longlink:} unless configured):
 * <ul>
 *   <li>{@code history}: a hash of the epoch and the seq counter (LL-CHAT-2, LL-DLV-12); when it
 *       is gone (Redis lost its data), the next script makes a new epoch, so that no client
 *       resumes into a history that does not continue;
 *   <li>{@code d:SEQ}: one accepted chat's delivery frame, sender, bytes and how many recipients
 *       still have it pending (a room chat's frame is kept once);
 *   <li>{@code in:USER}: the user's pending seqs, a sorted set scored by seq; {@code sent:USER}: those sent on some session;
 *       {@code again:USER}: those sent by a backlog or a redelivery (prelude.lua's hand_out says why both);
 *   <li>{@code ub}, {@code sb}, {@code totals}: bytes by recipient, bytes by sender, and the
 *       server's count and bytes, for the bounds of PROTOCOL.md §11;
 *   <li>{@code dd:LEN:SENDER:ID}: an accepted chat's seq and ts, expiring with the dedup window
 *       ({@code SET PX}); {@code ddx}: the same keys scored by expiry, to count them for their bound;
 *   <li>{@code room:ROOM}: members scored in the order they joined; {@code pres:USER}: sessions (RedisPresence).
 * </ul>
 */
final class RedisMessageStore implements MessageStore {

  private final Scripts scripts;
  private final RedisCommands<String, String> redis;
  private final String prefix;
  private final StoreBounds bounds;

  RedisMessageStore(Scripts scripts, RedisCommands<String, String> redis, String prefix, StoreBounds bounds) {
    this.scripts = scripts;
    this.redis = redis;
    this.prefix = prefix;
    this.bounds = bounds;
  }

  @Override
  public String epoch() {
    return scripts.run(Scripts.EPOCH, ScriptOutputType.VALUE, Epochs.fresh());
  }

  @Override
  public ChatVerdict accept(ChatRequest chat) {
    DeliveryDraft draft = chat.draft();
    List<Object> r = scripts.run(Scripts.ACCEPT, ScriptOutputType.MULTI, chat.sender(), chat.messageId(),
        chat.kind() == RecipientKind.USER ? "user" : "room", chat.to(), draft.head(), draft.tail(),
        Integer.toString(draft.bytesWithoutSeq()), Long.toString(chat.nowMs()), Epochs.fresh(),
        Long.toString(bounds.maxPending()), Long.toString(bounds.maxPendingBytes()),
        Long.toString(bounds.maxPendingBytesPerSender()), Long.toString(bounds.maxTotalPending()),
        Long.toString(bounds.maxTotalPendingBytes()), Long.toString(bounds.maxDedupEntries()),
        Long.toString(bounds.dedupWindowMs()));
    String kind = (String) r.get(0);
    switch (kind) {
      case "repeat":
        return new ChatVerdict.Repeat(number(r, 1), number(r, 2));
      case "refused":
        return new ChatVerdict.Refused(ChatVerdict.Refusal.valueOf((String) r.get(1)), (String) r.get(2), number(r, 3),
            number(r, 4));
      case "stored":
        List<String> recipients = new ArrayList<>();
        for (int i = 3; i < r.size(); i++) {
          recipients.add((String) r.get(i));
        }
        return new ChatVerdict.Stored(number(r, 1), number(r, 2), recipients);
      default:
        throw new IllegalStateException("the accept script answered " + r);
    }
  }

  @Override
  public Backlog backlog(String user, Long lastSeq, String epoch) {
    List<Object> r = scripts.run(Scripts.BACKLOG, ScriptOutputType.MULTI, user,
        lastSeq == null ? "" : Long.toString(lastSeq), epoch == null ? "" : epoch, Epochs.fresh());
    return new Backlog((String) r.get(0), outgoing(r, 1));
  }

  @Override
  public List<Outgoing> unsentAbove(String user, long seq) {
    List<Object> r = scripts.run(Scripts.UNSENT, ScriptOutputType.MULTI, user, Long.toString(seq));
    return outgoing(r, 0);
  }

  @Override
  public Optional<PendingDelivery> resend(String user, long seq) {
    List<Object> r = scripts.run(Scripts.RESEND, ScriptOutputType.MULTI, user, Long.toString(seq));
    if (r.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(PendingDelivery.of(seq, (String) r.get(1), (String) r.get(0), (int) number(r, 2)));
  }

  @Override
  public boolean settle(String user, long seq) {
    Long settled = scripts.run(Scripts.SETTLE, ScriptOutputType.INTEGER, user, Long.toString(seq));
    return settled == 1;
  }

  @Override
  public boolean join(String room, String user) {
    Long joined = scripts.run(Scripts.JOIN, ScriptOutputType.INTEGER, room, user);
    return joined == 1;
  }

  @Override
  public boolean leave(String room, String user) {
    return call(() -> redis.zrem(prefix + "room:" + room, user)) == 1;
  }

  @Override
  public long pendingTotal() {
    return total("n");
  }

  @Override
  public long pendingBytes() {
    return total("b");
  }

  @Override
  public long dedupEntries() {
    return call(() -> redis.zcard(prefix + "ddx"));
  }

  private long total(String field) {
    String v = call(() -> redis.hget(prefix + "totals", field));
    return v == null ? 0 : Long.parseLong(v);
  }

  private interface Call<T> {
    T run();
  }

  private static <T> T call(Call<T> call) {
    try {
      return call.run();
    } catch (RedisException e) {
      throw new StoreUnavailable("the Redis store did not answer: " + e.getMessage(), e);
    }
  }

  /** Five values per delivery from {@code from} on: seq, sent before ("1"), frame, sender, bytes. */
  private static List<Outgoing> outgoing(List<Object> r, int from) {
    List<Outgoing> out = new ArrayList<>((r.size() - from) / 5);
    for (int i = from; i + 4 < r.size(); i += 5) {
      long seq = number(r, i);
      PendingDelivery d = PendingDelivery.of(seq, (String) r.get(i + 3), (String) r.get(i + 2), (int) number(r, i + 4));
      out.add(new Outgoing(d, "1".equals(r.get(i + 1))));
    }
    return out;
  }

  private static long number(List<Object> r, int i) {
    Object v = r.get(i);
    return v instanceof Long l ? l : Long.parseLong((String) v);
  }
}
