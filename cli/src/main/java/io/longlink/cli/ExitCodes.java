package io.longlink.cli;

/** What the exit code of {@code longlink} says. */
public final class ExitCodes {

  /** Done; for a check: no selected rule failed. */
  public static final int OK = 0;
  /** A check ran and a selected MUST rule failed, or the run itself broke. */
  public static final int FAILED = 1;
  /** The command line was wrong, or the target could not be reached: nothing was checked. */
  public static final int USAGE = 2;
  /** A defect of longlink itself; the message asks for a report. */
  public static final int INTERNAL = 3;

  private ExitCodes() {}
}
