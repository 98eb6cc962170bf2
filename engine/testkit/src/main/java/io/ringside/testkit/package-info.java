/**
 * The room test kit: tests of a game's rooms without sockets, threads or sleeps.
 *
 * <p>{@link io.ringside.testkit.RoomTestKit} runs the engine's real rooms, matchmaking and message
 * routing on the test's thread with a manual clock; {@link io.ringside.testkit.TestPlayer}s join
 * with options, auth tokens and handshake headers, send typed game messages, drop and reconnect,
 * and record what the server sent them; {@link io.ringside.testkit.TestRoom} shows a room's players,
 * lock, label and disposal, and the game's own room object. Depend on it in test scope:
 *
 * <pre>{@code
 * <dependency>
 *   <groupId>io.ringside</groupId>
 *   <artifactId>ringside-testkit</artifactId>
 *   <version>${ringside.version}</version>
 *   <scope>test</scope>
 * </dependency>
 * }</pre>
 */
package io.ringside.testkit;
