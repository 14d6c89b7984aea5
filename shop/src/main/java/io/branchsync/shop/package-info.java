/**
 * The shop: the XML-RPC server a branch runs so that the head office can sync it, and its public
 * API for the command line, the office's end-to-end tests and the embedded demo.
 *
 * <p>{@link io.branchsync.shop.ShopConfig} (keys in {@link io.branchsync.shop.ShopProperty}) says
 * what to serve; {@link io.branchsync.shop.ShopInitializer} prepares the database; {@link
 * io.branchsync.shop.ShopServer} serves it; {@link io.branchsync.shop.SecretHasher} makes the
 * stored form of the branch secret. Every request carries HTTP Basic credentials: user {@code
 * branch-<N>}, password the branch secret. Everything under {@code internal} may change without
 * notice.
 */
package io.branchsync.shop;
