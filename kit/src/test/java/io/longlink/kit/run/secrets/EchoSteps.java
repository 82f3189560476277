package io.longlink.kit.run.secrets;

import io.cucumber.java.en.Given;
import io.longlink.kit.CheckFailure;
import io.longlink.kit.NotApplicable;
import io.longlink.kit.settings.KitSettings;

/** Fixture steps whose failures carry the run's secrets, as a careless target or step would. */
public class EchoSteps {

  /** A JWT the run never minted: the redactor has to recognise it by its shape. */
  public static final String STRANGE_JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmF0dXJl";

  @Given("a target that quotes alice's token, a JWT and the gateway key in what it sends")
  public void echoes() {
    KitSettings settings = KitSettings.current();
    String token = settings.tokens().token("alice");
    throw new CheckFailure("auth_ok for token " + token,
        "close 4001 'bad token " + token + " (also tried " + STRANGE_JWT + ", key " + settings.headers().get("X-Api-Key") + ")'");
  }

  @Given("a check that cannot run and quotes alice's token in its reason")
  public void cannotRun() {
    throw new NotApplicable("the target refused " + KitSettings.current().tokens().token("alice"));
  }
}
