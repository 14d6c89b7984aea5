/**
 * The HTTP(S) server (Jetty) in front of the XML-RPC codec: connections that send nothing useful
 * are closed after a bounded time and bounded per address, credentials are decided from the headers
 * before any byte of the body is read, one path and one verb are served, the request body is
 * bounded, TLS comes from a PKCS12 keystore.
 */
package io.branchsync.shop.internal.http;
