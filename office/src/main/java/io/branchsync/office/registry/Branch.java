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

  /**
   * Whether a credentials value says where a secret is rather than being one.
   *
   * @param credentialsRef what an operator gave
   * @return true for {@code env:VARIABLE} and {@code file:PATH}
   */
  public static boolean isReference(String credentialsRef) {
    return credentialsRef != null
        && ((credentialsRef.startsWith("env:") && credentialsRef.length() > 4)
            || (credentialsRef.startsWith("file:") && credentialsRef.length() > 5));
  }

  /** The credentials reference as lists and messages may show it: never what may be a secret. */
  public String credentialsShown() {
    return isReference(credentialsRef) ? credentialsRef : "(hidden: not env:VARIABLE or file:PATH)";
  }

  /** The HTTP Basic user name a shop expects for this branch. */
  public String user() {
    return "branch-" + id;
  }
}
