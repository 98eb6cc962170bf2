/**
 * Optional Agones support: reports a Ringside server's lifecycle to the Agones SDK sidecar over the
 * sidecar's REST API (Agones has no official Java SDK).
 */
package io.ringside.agones;
