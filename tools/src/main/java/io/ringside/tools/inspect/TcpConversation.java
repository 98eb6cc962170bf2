package io.ringside.tools.inspect;

import java.util.List;

/**
 * One TCP connection out of a capture, each direction reassembled in sequence order.
 *
 * @param client         the connecting side's {@code address:port}
 * @param server         the accepting side's {@code address:port}
 * @param clientToServer the client's bytes, in order, up to the first gap
 * @param serverToClient the server's bytes, in order, up to the first gap
 * @param notes          what did not reassemble (gaps) or was left out (other connections)
 */
record TcpConversation(String client, String server, List<StreamChunk> clientToServer,
                       List<StreamChunk> serverToClient, List<String> notes) {
}
