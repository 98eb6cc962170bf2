package io.ringside.protocol.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One extension offered in {@code Sec-WebSocket-Extensions} (RFC 6455 §9.1), e.g.
 * {@code permessage-deflate; client_max_window_bits}.
 *
 * @param name             the extension token
 * @param parameters       its parameters in order, the first occurrence of each; a parameter without
 *                         a value maps to {@code ""}
 * @param repeatsParameter whether some parameter occurs more than once: the extension decides what
 *                         that means (RFC 7692 §7 declines such an offer), so it is reported, not refused
 */
public record ExtensionOffer(String name, Map<String, String> parameters, boolean repeatsParameter) {
    /** An offer in which no parameter is repeated. */
    public ExtensionOffer(String name, Map<String, String> parameters) {
        this(name, parameters, false);
    }

    /**
     * Parses one {@code Sec-WebSocket-Extensions} field value, e.g. a server's answer read by a client.
     *
     * @throws HandshakeException 400 when it does not follow the RFC 6455 §9.1 grammar
     */
    public static List<ExtensionOffer> parse(String fieldValue) {
        byte[] bytes = fieldValue.getBytes(StandardCharsets.ISO_8859_1);
        List<ExtensionOffer> offers = new ArrayList<>();
        ExtensionOfferParser.parse(bytes, 0, bytes.length, offers);
        return Collections.unmodifiableList(offers);
    }
}
