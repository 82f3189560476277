package io.longlink.kit.run;

import io.longlink.kit.settings.Redactor;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Cucumber's standard message stream of a run (NDJSON, one envelope a line), for the reporters
 * people already use: the Cucumber HTML formatter, Allure and others read it. Cucumber writes it
 * beside its destination; it reaches the destination only redacted, because step errors and
 * attachments hold what the kit sent and saw, tokens included.
 */
final class MessageStream {

  private final Path destination;
  private final Path raw;

  MessageStream(Path destination) {
    this.destination = destination;
    this.raw = destination.resolveSibling(destination.getFileName() + ".unredacted");
  }

  /** The Cucumber plugin that writes the raw stream. */
  String plugin() {
    return "message:" + raw;
  }

  /** Copies the raw stream to the destination with every secret redacted, then deletes it. */
  void finish(Redactor redactor) {
    if (!Files.exists(raw)) {
      return;
    }
    try (BufferedReader in = Files.newBufferedReader(raw, StandardCharsets.UTF_8);
        BufferedWriter out = Files.newBufferedWriter(destination, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        out.write(redactor.redact(line));
        out.newLine();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the message stream " + destination + ": " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(raw);
      } catch (IOException e) {
        // Left behind only if the directory forbids deleting; the redacted copy is what is reported.
      }
    }
  }
}
