/**
 * The XML-RPC client of a shop: the whole wire contract over the JDK's HTTP client, with a connect
 * timeout, a silence timeout and a deadline per call, retries after network errors, and TLS trust.
 */
package io.branchsync.office.client;
