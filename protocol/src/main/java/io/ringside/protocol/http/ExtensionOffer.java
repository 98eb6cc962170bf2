package io.ringside.protocol.http;

import java.util.Map;

/**
 * One extension offered in {@code Sec-WebSocket-Extensions} (RFC 6455 §9.1), e.g.
 * {@code permessage-deflate; client_max_window_bits}.
 *
 * @param name       the extension token
 * @param parameters its parameters in order; a parameter without a value maps to {@code ""}
 */
public record ExtensionOffer(String name, Map<String, String> parameters) {
}
