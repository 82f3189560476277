package io.longlink.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longlink.codec.DecodeResult;
import io.longlink.codec.MessageCodec;
import io.longlink.codec.ReadingRules;
import io.longlink.model.Chat;
import io.longlink.model.ClientMessage;
import io.longlink.model.DeliveryAck;
import io.longlink.model.Ping;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the codec costs per frame, next to what Jackson alone costs for the same work.
 *
 * <ul>
 *   <li>{@code *CodecDecode}: {@link MessageCodec#decodeClientMessage}, the one call the reference
 *       server makes for every inbound frame (connection.InSession and PreAuth), with the reading
 *       rules it uses unless a violation switch is on ({@link ReadingRules#LONGLINK}): bounds
 *       check, tree, surrogate checks, the message's JSON Schema, then the bind to its record.
 *   <li>{@code *JacksonReadValue}: the bare baseline, the same text straight into the same
 *       generated record, with a mapper of the codec's own configuration. No validation at all:
 *       the floor a codec built on Jackson cannot go below.
 *   <li>{@code *JacksonReadTree}: the tree the codec builds first, alone: what validation has to
 *       start from.
 *   <li>{@code delivery*}: what the server encodes for each chat it delivers (store.DeliveryDraft
 *       encodes it once per chat; each recipient's copy then only gets its seq spliced in).
 * </ul>
 *
 * Run with {@code -prof gc} to see the bytes allocated per operation: the garbage a frame leaves
 * is what a busy server's collector pays for later. Each benchmark returns its result, so that
 * JMH consumes it and the JIT cannot drop the work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBenchmark {

  /** One codec for the whole run, as the server shares one across its connections. */
  private MessageCodec codec;

  /**
   * Configured once, like the codec's: the codec's own factory method, so that the baseline reads
   * with the same flags (strict duplicate detection, failing on trailing tokens, ignoring unknown
   * members, the LL-ERR-8 bounds) and the difference is the codec's work, not Jackson's settings.
   */
  private ObjectMapper mapper;

  @Setup
  public void setUp() throws JsonProcessingException {
    codec = MessageCodec.create(ReadingRules.LONGLINK);
    mapper = MessageCodec.newMapper();
    // A benchmark of a frame the codec refused would measure the error path: check every frame
    // decodes, binds to what plain Jackson binds it to, and is what the codec itself writes.
    check(Frames.CHAT, Chat.class);
    check(Frames.PING, Ping.class);
    check(Frames.ACK, DeliveryAck.class);
  }

  private void check(String frame, Class<? extends ClientMessage> model) throws JsonProcessingException {
    DecodeResult<ClientMessage> decoded = codec.decodeClientMessage(frame);
    if (!decoded.isOk()) {
      throw new IllegalStateException("the codec refuses the benchmark frame " + frame + ": " + decoded.error());
    }
    Object plain = mapper.readValue(frame, model);
    if (!Objects.equals(decoded.message(), plain)) {
      throw new IllegalStateException("the codec read " + decoded.message() + ", plain Jackson " + plain);
    }
    if (!codec.encode(decoded.message()).equals(frame)) {
      throw new IllegalStateException("the codec writes " + codec.encode(decoded.message()) + ", not " + frame);
    }
  }

  // A typical chat: the frame with the most to validate (id pattern, recipient, body).

  @Benchmark
  public DecodeResult<ClientMessage> chatCodecDecode() {
    return codec.decodeClientMessage(Frames.CHAT);
  }

  @Benchmark
  public Chat chatJacksonReadValue() throws JsonProcessingException {
    return mapper.readValue(Frames.CHAT, Chat.class);
  }

  @Benchmark
  public JsonNode chatJacksonReadTree() throws JsonProcessingException {
    return mapper.readTree(Frames.CHAT);
  }

  // A heartbeat: the smallest frame, so mostly the fixed cost per frame.

  @Benchmark
  public DecodeResult<ClientMessage> pingCodecDecode() {
    return codec.decodeClientMessage(Frames.PING);
  }

  @Benchmark
  public Ping pingJacksonReadValue() throws JsonProcessingException {
    return mapper.readValue(Frames.PING, Ping.class);
  }

  @Benchmark
  public JsonNode pingJacksonReadTree() throws JsonProcessingException {
    return mapper.readTree(Frames.PING);
  }

  // A delivery ack: one per chat delivered, so as frequent as chats on a server with one
  // recipient per chat and more frequent with rooms.

  @Benchmark
  public DecodeResult<ClientMessage> ackCodecDecode() {
    return codec.decodeClientMessage(Frames.ACK);
  }

  @Benchmark
  public DeliveryAck ackJacksonReadValue() throws JsonProcessingException {
    return mapper.readValue(Frames.ACK, DeliveryAck.class);
  }

  @Benchmark
  public JsonNode ackJacksonReadTree() throws JsonProcessingException {
    return mapper.readTree(Frames.ACK);
  }

  // Encoding a delivery: the codec adds nothing to Jackson here but a call and a catch, which
  // these two show (a gap between them would be a regression in the codec's write path).

  @Benchmark
  public String deliveryCodecEncode() {
    return codec.encode(Frames.DELIVERY);
  }

  @Benchmark
  public String deliveryJacksonWrite() throws JsonProcessingException {
    return mapper.writeValueAsString(Frames.DELIVERY);
  }
}
