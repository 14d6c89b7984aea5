/**
 * The BranchSync wire contract as plain Java types: the XML-RPC method names ({@link
 * io.branchsync.protocol.Method}), the protocol version ({@link
 * io.branchsync.protocol.ProtocolVersion}) and the numbered fault codes ({@link
 * io.branchsync.protocol.FaultCode}) carried by {@link io.branchsync.protocol.ProtocolException}.
 *
 * <p>This module knows nothing of JDBC or of any XML-RPC library, so that the shop and the office
 * agree on one contract whatever transport code they use. Argument and result shapes live in {@code
 * io.branchsync.protocol.message}; the gzip chunk codec lives in {@code
 * io.branchsync.protocol.chunk}.
 */
package io.branchsync.protocol;
