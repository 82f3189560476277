package io.longlink.client;

/** A client configuration that cannot work, naming the parameter, what is allowed and what to do. */
public final class ClientConfigException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String parameter;

  public ClientConfigException(String parameter, String message) {
    super(parameter + ": " + message);
    this.parameter = parameter;
  }

  /** The builder parameter at fault, e.g. {@code uri}. */
  public String parameter() {
    return parameter;
  }
}
