/**
 * The arena example: a top-down real-time shooter, server-authoritative at a fixed tick rate.
 *
 * <p>{@link io.ringside.examples.arena.ArenaServer} runs it; {@link io.ringside.examples.arena.ArenaRoom}
 * is the room (inputs in, replicated state out: {@code Fighter} and {@code Projectile} entities kept by
 * {@code StatePublisher}); the rules are plain classes without
 * sockets: {@code World}, {@code Collision}, {@code Fighter}, {@code Projectile}, and
 * {@code BotPilot} for the server-side bots, which act through the same input path as people. The
 * messages are in {@code arena.proto}; the browser client is under {@code web/arena}.
 */
package io.ringside.examples.arena;
