package io.branchsync.shop;

/**
 * A configuration value that is missing, malformed or out of range. The message starts with the
 * key, such as {@code limit.sessions: must be 1 or more, got 0}, so an operator knows which line to
 * fix.
 */
public final class ShopConfigException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String key;

  /**
   * Creates the exception.
   *
   * @param key the configuration key at fault
   * @param problem what is wrong with it
   */
  public ShopConfigException(String key, String problem) {
    super(key + ": " + problem);
    this.key = key;
  }

  /**
   * Creates the exception for a property.
   *
   * @param property the property at fault
   * @param problem what is wrong with it
   */
  public ShopConfigException(ShopProperty property, String problem) {
    this(property.key(), problem);
  }

  /**
   * The key at fault.
   *
   * @return the key, as written in the configuration file
   */
  public String key() {
    return key;
  }
}
