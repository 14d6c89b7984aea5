package io.branchsync.office.registry;

import io.branchsync.schema.idrange.IdRange;
import java.net.URI;

/**
 * A shop as the office knows it.
 *
 * @param id the branch number (1 and up; 0 is the office)
 * @param credentialsRef where the branch secret is: {@code env:VARIABLE} or {@code file:PATH}
 * @param policySet the policy set name or file the branch syncs with
 */
public record Branch(
    int id, String name, URI url, String credentialsRef, String policySet, IdRange idRange) {

  /** The HTTP Basic user name a shop expects for this branch. */
  public String user() {
    return "branch-" + id;
  }
}
