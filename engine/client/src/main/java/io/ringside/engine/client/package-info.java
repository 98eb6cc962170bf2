/**
 * A non-blocking RFC 6455 WebSocket client for load generators, SDKs and tests.
 *
 * <p>{@link io.ringside.engine.client.WebSocketClient} runs a few I/O threads, each a selector loop
 * owning thousands of connections; {@link io.ringside.engine.client.WebSocketClient#connect} returns
 * a future that completes once the server's 101 response is verified (accept key, subprotocol,
 * extensions). {@link io.ringside.engine.client.ClientConnection} sends masked frames from any
 * thread through a bounded queue; {@link io.ringside.engine.client.ClientListener} receives
 * messages as views of the I/O thread's read buffer. Pings are answered automatically; protocol
 * violations by the server close with the decoder's close code.
 *
 * <p>{@link io.ringside.engine.client.GameClient} is the game SDK on top: it speaks the
 * {@code ringside.v1} envelope to a Ringside server (join-or-create, private rooms, join by id, room
 * listing, leave, rejoin with a reconnect token after a dropped connection, the game's own typed
 * protobuf messages, application ping for RTT and a server-tick estimate). Thousands of game
 * clients share one WebSocketClient; events reach a
 * {@link io.ringside.engine.client.GameListener} on the I/O thread, or wait for
 * {@link io.ringside.engine.client.GameClient#poll} on a bot's own thread.
 */
package io.ringside.engine.client;
