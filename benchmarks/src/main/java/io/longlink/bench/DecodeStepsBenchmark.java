package io.longlink.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longlink.codec.DecodeResult;
import io.longlink.codec.MessageCodec;
import io.longlink.codec.ReadingRules;
import io.longlink.model.Chat;
import io.longlink.schema.Direction;
import io.longlink.schema.MessageCatalog;
import io.longlink.schema.MessageDefinition;
import io.longlink.schema.SchemaViolation;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Where {@link CodecBenchmark#chatCodecDecode} spends its time: the public steps of
 * {@link MessageCodec#decodeClientMessage} one at a time, on the same chat frame. What the sum of
 * the steps leaves of the whole decode is the codec's package-private checks between them (the
 * walks for unpaired surrogates, the id pattern for an error's ref, the catalog look-up).
 * Not run by scripts/bench-codec.sh; run it with {@code java -jar benchmarks/target/benchmarks.jar
 * DecodeStepsBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DecodeStepsBenchmark {

  private MessageCodec codec;
  private ObjectMapper mapper;
  private MessageDefinition chat;
  /** The chat frame's tree, made once: the input of the steps after the parse. */
  private JsonNode tree;

  @Setup
  public void setUp() {
    codec = MessageCodec.create(ReadingRules.LONGLINK);
    mapper = MessageCodec.newMapper();
    // The catalog is loaded once per process: this is the very schema the codec validates with.
    chat = MessageCatalog.load().find(Direction.CLIENT_TO_SERVER, Chat.TYPE).orElseThrow();
    tree = codec.parse(Frames.CHAT).message();
    if (!chat.validate(tree).isEmpty()) {
      throw new IllegalStateException("the benchmark chat breaks its schema: " + chat.validate(tree));
    }
  }

  /** Step 1: the LL-ERR-8 bounds scan of the text, then Jackson's tree. */
  @Benchmark
  public DecodeResult<JsonNode> parse() {
    return codec.parse(Frames.CHAT);
  }

  /** Step 2: the chat's JSON Schema (networknt), and its errors turned into violations (none here). */
  @Benchmark
  public List<SchemaViolation> validate() {
    return chat.validate(tree);
  }

  /** Step 3: the valid tree bound to the generated record. */
  @Benchmark
  public Chat bind() throws JsonProcessingException {
    return mapper.treeToValue(tree, Chat.class);
  }
}
