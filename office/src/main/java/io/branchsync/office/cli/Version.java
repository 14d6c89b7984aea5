package io.branchsync.office.cli;

import io.branchsync.protocol.ProtocolVersion;
import picocli.CommandLine.IVersionProvider;

/** Prints the build's version and the protocol version it speaks. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Version.class.getPackage().getImplementationVersion();
    return new String[] {
      "BranchSync office "
          + (version == null ? "(development build)" : version)
          + ", protocol "
          + ProtocolVersion.CURRENT
    };
  }
}
