package io.longlink.kit.wire;

import io.longlink.kit.settings.Redactor;
import java.util.List;

/**
 * What a scenario's connections sent and received, in order: the wire transcript that a failed
 * scenario's reports carry. Bounded by {@link TranscriptRecorder}: a flood keeps its start and its
 * end, and one {@link TranscriptEvent.Kind#OMITTED} event says how much was left out between.
 *
 * @param events the events, in the order they happened
 */
public record Transcript(List<TranscriptEvent> events) {

  /** No events. */
  public static final Transcript EMPTY = new Transcript(List.of());

  public Transcript {
    events = List.copyOf(events);
  }

  /** This transcript with every secret of the run removed (auth frames carry tokens). */
  public Transcript redacted(Redactor redactor) {
    return new Transcript(events.stream().map(e -> e.redacted(redactor::redact)).toList());
  }

  /** The names of the connections, in the order they first appear. */
  public List<String> connections() {
    return events.stream().filter(e -> e.kind() != TranscriptEvent.Kind.OMITTED).map(TranscriptEvent::connection)
        .distinct().toList();
  }

  public boolean isEmpty() {
    return events.isEmpty();
  }
}
