package io.longlink.client.driver;

import io.longlink.client.ClientBuilder;
import io.longlink.client.driver.fault.Violation;
import io.longlink.client.time.SystemScheduler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One driver of DRIVER.md: the reference client's parts, fed commands from one stream, writing
 * events to another. {@link DriverMain} runs one as a process; {@link InProcessDriver} runs one in
 * the kit's JVM, where {@link #end()} does what the end of a process does.
 */
final class DriverRuntime {

  private final EventWriter events;
  private final ScheduledExecutorService timers;
  private final SystemScheduler scheduler;
  private final LinkReaper links = new LinkReaper();
  private final Driver driver;

  DriverRuntime(List<Violation> violations, OutputStream eventsOut, PrintStream log) {
    events = new EventWriter(eventsOut);
    timers = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "driver-processing");
      t.setDaemon(true);
      return t;
    });
    Map<String, String> cids = new ConcurrentHashMap<>();
    scheduler = new SystemScheduler(Clock.systemUTC(), "longlink-client",
        failure -> events.error(null, "client_error", "the client failed: " + failure));
    Processing processing = new Processing(events, timers);
    ClientFactory factory = new ClientFactory(violations, scheduler, new DriverObserver(events, cids), processing, links);
    driver = new Driver(events, factory, processing, cids);
    for (Violation v : violations) {
      log.println("longlink driver: breaking " + v.ruleId() + ": the client " + v.behaviour());
    }
    log.flush();
  }

  /** Writes {@code ready} and carries out the commands of {@code in} until {@code shutdown} or its end. */
  void serve(InputStream in) throws IOException {
    ClientFactory.warmUp();
    events.write(Driver.ready(ClientBuilder.LIBRARY_NAME, ClientBuilder.libraryVersion()));
    BufferedReader commands = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    while ((line = commands.readLine()) != null) {
      if (!line.isBlank() && !driver.handle(line)) {
        break;
      }
    }
  }

  /**
   * What the end of a driver's process does to its client: nothing of it runs any more, and its
   * sockets drop without a close frame, as when an app is killed.
   */
  void end() {
    scheduler.close();
    timers.shutdownNow();
    links.dropAll();
  }
}
