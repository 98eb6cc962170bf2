/**
 * TLS under the WebSocket codec: {@link io.ringside.protocol.tls.TlsWire} runs a JDK
 * {@link javax.net.ssl.SSLEngine} over a non-blocking channel so that the server's transport and
 * the Java client read and write plaintext the same way with and without TLS.
 */
package io.ringside.protocol.tls;
