package io.longlink.client.driver;

import io.longlink.client.driver.fault.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The reference client's driver run inside the calling JVM, seen as a {@link Process}: its
 * standard input, output and error are in-memory pipes and {@link #destroy()} is its end. The kit
 * starts one per client scenario; a driver JVM would cost about a second of CPU to start, which on
 * a two-core machine is most of what a client check spends. The commands, the events and the
 * client are those of {@code java io.longlink.client.driver.DriverMain}, line for line.
 */
public final class InProcessDriver extends Process {

  private final BytePipe stdin = new BytePipe();
  private final BytePipe stdout = new BytePipe();
  private final BytePipe stderr = new BytePipe();
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();
  private final DriverRuntime runtime;

  private InProcessDriver(List<Violation> violations) {
    PrintStream log = new PrintStream(stderr.sink(), true, StandardCharsets.UTF_8);
    runtime = new DriverRuntime(violations, stdout.sink(), log);
    Thread thread = new Thread(this::serve, "in-process-driver");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Starts a driver with the arguments of {@link DriverMain} ({@code --violate LL-XX-n}...);
   * throws {@link IllegalArgumentException} naming a wrong argument.
   */
  public static Process start(List<String> args) {
    return new InProcessDriver(DriverArguments.violations(args));
  }

  private void serve() {
    int code = 0;
    try {
      runtime.serve(stdin.source());
    } catch (IOException | UncheckedIOException e) {
      // The kit ended the driver, or went away: the end of input, as for a process.
    } catch (RuntimeException e) {
      new PrintStream(stderr.sink(), true, StandardCharsets.UTF_8).println("longlink driver: " + e);
      code = 1;
    }
    finish(code);
  }

  private void finish(int code) {
    runtime.end();
    stdout.close();
    stderr.close();
    stdin.close();
    exit.complete(code);
  }

  @Override
  public OutputStream getOutputStream() {
    return stdin.sink();
  }

  @Override
  public InputStream getInputStream() {
    return stdout.source();
  }

  @Override
  public InputStream getErrorStream() {
    return stderr.source();
  }

  @Override
  public int waitFor() throws InterruptedException {
    try {
      return exit.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
    try {
      exit.get(timeout, unit);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public int exitValue() {
    if (!exit.isDone()) {
      throw new IllegalThreadStateException("the driver is still running");
    }
    return exit.join();
  }

  @Override
  public boolean isAlive() {
    return !exit.isDone();
  }

  /** The end of the driver, as a kill is the end of a process: its client stops and its sockets drop. */
  @Override
  public void destroy() {
    // Exit code of a process killed by SIGKILL, as a shell reports it.
    if (!exit.isDone()) {
      finish(137);
    }
  }

  @Override
  public Process destroyForcibly() {
    destroy();
    return this;
  }

  @Override
  public boolean supportsNormalTermination() {
    return true;
  }
}
