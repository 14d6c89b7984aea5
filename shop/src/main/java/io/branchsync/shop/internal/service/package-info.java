/**
 * The contract's methods, with typed arguments and results, and the one translation of internal
 * errors into the contract's fault codes.
 */
package io.branchsync.shop.internal.service;
