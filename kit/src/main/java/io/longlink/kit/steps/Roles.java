package io.longlink.kit.steps;

import io.cucumber.java.ParameterType;
import java.util.List;

/** "alice", "alice and bob", "alice, bob and carol": the roles a step is about. */
public final class Roles {

  @ParameterType("[a-z]+(?:(?:, | and )[a-z]+)+")
  public List<String> roles(String text) {
    return List.of(text.split(", | and "));
  }

  @ParameterType("pings|room joins|delivery acks")
  public String traffic(String text) {
    return text;
  }
}
