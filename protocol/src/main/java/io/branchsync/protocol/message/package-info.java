/**
 * Arguments and results of the XML-RPC methods, as records that convert to and from the plain Java
 * values an XML-RPC library carries: {@code Integer} (i4), {@code Boolean}, {@code String}, {@code
 * byte[]} (base64) and {@code Map<String, Object>} (struct).
 *
 * <p>Every {@code fromWire} checks the shape and the type of each field and fails with a {@link
 * io.branchsync.protocol.ProtocolException} whose detail names the field, such as {@code
 * info.dialect}: {@link io.branchsync.protocol.FaultCode#BAD_ARGUMENT} for what a shop receives,
 * {@link io.branchsync.protocol.FaultCode#BAD_RESULT} for what the office receives. Constructors
 * check the same rules and throw {@link IllegalArgumentException}, so an invalid value can be
 * neither received nor built. Struct keys that the contract does not name are ignored, so that a
 * later version may add a result field without breaking older peers.
 */
package io.branchsync.protocol.message;
