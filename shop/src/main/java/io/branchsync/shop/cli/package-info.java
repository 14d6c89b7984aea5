/**
 * The {@code shop} command line (picocli): {@code serve}, {@code init}, {@code set-secret}, {@code
 * status} and {@code config-keys}, each with {@code --help}.
 */
package io.branchsync.shop.cli;
