package io.branchsync.schema.policy;

/** Which way a table's rows flow, as in the Stoq sync notes. */
public enum Policy {
  /** Office to shop: the catalog. */
  FromSource(true, false, false),
  /** Shop to office: sales and payments; rows are created at shops, so they need ID ranges. */
  FromTarget(false, true, true),
  /** Both ways, and from one shop through the office on to every other shop. */
  Both(true, true, true),
  /** Office to shop when a shop is provisioned, never afterwards. */
  Initial(true, false, false);

  private final boolean officeToShop;
  private final boolean shopToOffice;
  private final boolean needsIdRange;

  Policy(boolean officeToShop, boolean shopToOffice, boolean needsIdRange) {
    this.officeToShop = officeToShop;
    this.shopToOffice = shopToOffice;
    this.needsIdRange = needsIdRange;
  }

  /** Whether a shop accepts this table's rows from the office (at provisioning at least). */
  public boolean officeToShop() {
    return officeToShop;
  }

  /** Whether the office accepts this table's rows from a shop. */
  public boolean shopToOffice() {
    return shopToOffice;
  }

  /** Whether incremental syncs push this table from office to shop (Initial does not). */
  public boolean pushedOnSync() {
    return this == FromSource || this == Both;
  }

  /** Whether rows are created at shops, so that every branch owns a range of its keys. */
  public boolean needsIdRange() {
    return needsIdRange;
  }
}
