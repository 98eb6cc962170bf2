/**
 * Not an API: what the engine's packages and its sibling artifacts (the room test kit, the
 * benchmarks) share without game code having any use for it. Public only because Java has no
 * narrower visibility across packages; it is left out of the javadoc, and it, and its subpackages
 * ({@code .inbound}: the per-shard ring and sessions; {@code .monitor}: the live monitor), may change
 * in any release.
 */
package io.ringside.engine.internal;
