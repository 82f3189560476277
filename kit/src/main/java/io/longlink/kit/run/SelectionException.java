package io.longlink.kit.run;

/**
 * A rule selection that cannot be honoured: an unknown rule ID or area, a client rule for a server
 * check, a malformed tag expression. The message names the parameter, what was wrong and what to
 * do; the CLI prints it as a usage error.
 */
public class SelectionException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String parameter;

  public SelectionException(String parameter, String problem) {
    super(parameter + ": " + problem);
    this.parameter = parameter;
  }

  /** The option the bad value came from, e.g. {@code --rules}. */
  public String parameter() {
    return parameter;
  }
}
