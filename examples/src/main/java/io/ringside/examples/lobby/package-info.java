/**
 * The lobby example: tic-tac-toe tables with matchmaking and chat.
 *
 * <p>{@link io.ringside.examples.lobby.LobbyServer} runs it;
 * {@link io.ringside.examples.lobby.TicTacToeRoom} shows listing labels, a lock once the match
 * starts, join rejections, chat, leave reasons and a self-closing end of match around {@code Match},
 * the rules without sockets. The messages are in {@code lobby.proto}; the browser
 * client is under {@code web/lobby}.
 */
package io.ringside.examples.lobby;
