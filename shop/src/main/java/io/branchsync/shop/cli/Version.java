package io.branchsync.shop.cli;

import io.branchsync.protocol.ProtocolVersion;
import picocli.CommandLine.IVersionProvider;

/** Version text of {@code shop --version}: the build and the wire protocol it speaks. */
final class Version implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String build = ShopMain.class.getPackage().getImplementationVersion();
    return new String[] {
      "BranchSync shop " + (build == null ? "(development build)" : build),
      "protocol version " + ProtocolVersion.CURRENT
    };
  }
}
