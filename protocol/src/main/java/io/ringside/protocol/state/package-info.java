/**
 * Runtime of replicated state shared by the generated entity classes and the engine: the
 * change-tracked {@link io.ringside.protocol.state.EntityState} base, the record writer
 * {@link io.ringside.protocol.state.StateBuffer} and the fixed-point rule. The wire layout is
 * specified in {@code ringside/v1/state.proto}.
 */
package io.ringside.protocol.state;
