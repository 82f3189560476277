package io.longlink.client.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BytePipeTest {

  @Test
  void bytesWrittenByAThreadThatHasEndedAreStillRead() throws Exception {
    BytePipe pipe = new BytePipe();
    Thread writer = new Thread(() -> {
      try {
        pipe.sink().write("one line\n".getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    writer.start();
    writer.join(5_000);
    byte[] read = new byte[9];
    assertEquals(9, pipe.source().readNBytes(read, 0, 9));
    assertArrayEquals("one line\n".getBytes(StandardCharsets.UTF_8), read);
  }

  @Test
  void afterTheCloseAReaderGetsWhatIsLeftThenTheEndAndAWriterAnError() throws Exception {
    BytePipe pipe = new BytePipe();
    pipe.sink().write(new byte[] {1, 2, 3});
    pipe.close();
    assertArrayEquals(new byte[] {1, 2, 3}, pipe.source().readAllBytes());
    assertEquals(-1, pipe.source().read());
    IOException e = assertThrows(IOException.class, () -> pipe.sink().write(4));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
  }

  @Test
  void aFullPipeHoldsTheWriterUntilTheReaderTakesBytes() throws Exception {
    BytePipe pipe = new BytePipe();
    pipe.sink().write(new byte[BytePipe.CAPACITY]);
    CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
      try {
        pipe.sink().write(new byte[] {7});
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    assertThrows(java.util.concurrent.TimeoutException.class, () -> second.get(200, TimeUnit.MILLISECONDS),
        "a write into a full pipe returned at once");
    assertEquals(BytePipe.CAPACITY, pipe.source().readNBytes(BytePipe.CAPACITY).length);
    second.get(5, TimeUnit.SECONDS);
    assertEquals(7, pipe.source().read());
  }
}
