/**
 * The JDK HTTP(S) server in front of the XML-RPC codec: authentication before anything is read, one
 * path and one verb, a bounded request body, TLS from a PKCS12 keystore.
 */
package io.branchsync.shop.internal.http;
