package io.ringside.examples.lobby;

/**
 * The lobby's {@code GameMessage.type} numbers; lobby.proto lists the same. The match itself is
 * replicated state ({@code Game}, {@code Seat}, {@code Cell}), not a message.
 */
public final class LobbyMessages {
    /** Client to server: {@code Move}. */
    public static final int MOVE = 1;
    /** Client to server: {@code ChatSend}. */
    public static final int CHAT_SEND = 2;
    /** Client to server: {@code Rematch}. */
    public static final int REMATCH = 3;
    /** Server to client: {@code ChatLine}. */
    public static final int CHAT_LINE = 11;

    private LobbyMessages() {
    }
}
