package io.longlink.cli;

import io.longlink.kit.KitVersion;
import io.longlink.protocol.Protocol;
import picocli.CommandLine.IVersionProvider;

/** {@code longlink --version}: the CLI's version (one build with the kit's) and the protocol version it checks. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"longlink " + KitVersion.get(), "Longlink protocol " + Protocol.VERSION};
  }
}
