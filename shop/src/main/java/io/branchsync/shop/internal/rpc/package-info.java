/**
 * XML-RPC on the shop's side: a hardened parser and serializer built on Apache XML-RPC, and the
 * dispatch of the contract's methods, where errors become faults with our codes.
 */
package io.branchsync.shop.internal.rpc;
