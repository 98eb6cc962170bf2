/**
 * Not an API: hooks between the engine's packages and its sibling artifacts (the room test kit)
 * that game code must not use; they may change in any release.
 */
package io.ringside.engine.internal;
