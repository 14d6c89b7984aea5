/**
 * The office: the XML-RPC client of the shops, the branch registry, and the sync engine that
 * provisions shops and syncs them both ways.
 */
package io.branchsync.office;
