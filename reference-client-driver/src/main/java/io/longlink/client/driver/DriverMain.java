package io.longlink.client.driver;

import io.longlink.client.ClientBuilder;
import io.longlink.client.driver.fault.Violation;
import io.longlink.client.time.SystemScheduler;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The conformance driver of the reference client (spec/DRIVER.md): commands as JSON lines on
 * standard input, events as JSON lines on standard output, logs on standard error.
 *
 * <pre>
 * java -cp ... io.longlink.client.driver.DriverMain [--violate LL-XX-n]... [--list-violations]
 * </pre>
 *
 * {@code --violate} builds the client with the fault of that rule ({@link Violation}), for
 * proving the kit's checks; it can be repeated.
 */
public final class DriverMain {

  private static final int USAGE = 2;

  private DriverMain() {}

  public static void main(String[] args) throws IOException {
    // Standard output carries events only: anything a library prints goes to standard error.
    PrintStream lines = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    System.setOut(System.err);
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--list-violations" -> {
          for (Violation v : Violation.values()) {
            lines.println(v.ruleId() + "\t" + v.behaviour());
          }
          lines.flush();
          System.exit(0);
        }
        case "--violate" -> {
          if (i + 1 == args.length) {
            usage("--violate needs a rule ID, e.g. --violate LL-RC-2");
          }
          String rule = args[++i];
          violations.add(Violation.of(rule).orElseThrow(() -> usage("--violate " + rule
              + ": no switch for that rule; --list-violations prints the rules that have one")));
        }
        default -> usage("unknown argument " + args[i] + "; the arguments are --violate LL-XX-n (repeatable) "
            + "and --list-violations");
      }
    }
    run(violations, lines);
    System.exit(0);
  }

  private static void run(List<Violation> violations, PrintStream out) throws IOException {
    EventWriter events = new EventWriter(out);
    ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "driver-processing");
      t.setDaemon(true);
      return t;
    });
    Map<String, String> cids = new ConcurrentHashMap<>();
    SystemScheduler scheduler = new SystemScheduler(Clock.systemUTC(), "longlink-client",
        failure -> events.error(null, "client_error", "the client failed: " + failure));
    Processing processing = new Processing(events, timers);
    ClientFactory factory = new ClientFactory(violations, scheduler, new DriverObserver(events, cids), processing);
    Driver driver = new Driver(events, factory, processing, cids);
    for (Violation v : violations) {
      System.err.println("longlink driver: breaking " + v.ruleId() + ": the client " + v.behaviour());
    }
    ClientFactory.warmUp();
    events.write(Driver.ready(ClientBuilder.LIBRARY_NAME, ClientBuilder.libraryVersion()));
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      if (!line.isBlank() && !driver.handle(line)) {
        break;
      }
    }
    // The end of the client is the end of the process: sockets drop without a close frame, as when an app is killed.
  }

  private static IllegalArgumentException usage(String problem) {
    System.err.println("longlink driver: " + problem);
    System.exit(USAGE);
    return new IllegalArgumentException(problem);
  }
}
