/** The XML-RPC client of a shop: the whole wire contract, with timeouts, retries and TLS trust. */
package io.branchsync.office.client;
