package io.ringside.protocol.deflate;

import io.ringside.protocol.http.ExtensionOffer;
import java.util.List;
import java.util.Map;

/**
 * The permessage-deflate negotiation of RFC 7692 §7.1, for both ends. Off the hot path; allocates.
 *
 * <p>A server takes the first acceptable offer in the client's order of preference. It declines
 * (moves on to the next offer, and answers without the extension if none is left; the handshake
 * still succeeds) an offer with an unknown parameter, a parameter with a value it must not have or
 * an invalid one (window bits are 8-15, decimal, no leading zero), or a repeated parameter (§7).
 * It also declines an offer of {@code server_max_window_bits} below 15: {@code java.util.zip} cannot
 * make a raw deflater with a window under 32 KiB, and a server that accepts must not use more than
 * the client offered (§7.1.2.1); an offer of 15 is accepted and echoed. A client's
 * {@code client_max_window_bits} is always accepted (an inflater with a 32 KiB window reads any
 * smaller one), answered with the policy's window when that is below 15 or the client named a value.
 * The no-context-takeover parameters are granted when offered and added when the policy wants them
 * (§7.1.1.1 and §7.1.1.2 let a server add both).
 */
public final class DeflateNegotiation {
    private DeflateNegotiation() {
    }

    /**
     * What a server answers to {@code offers} (the client's, in order) under {@code policy}: the
     * agreed parameters, or {@code null} to decline the extension.
     */
    public static DeflateParameters negotiate(List<ExtensionOffer> offers, DeflatePolicy policy) {
        for (ExtensionOffer offer : offers) {
            if (DeflateParameters.NAME.equals(offer.name()) && !offer.repeatsParameter()) {
                DeflateParameters accepted = accept(offer.parameters(), policy);
                if (accepted != null) {
                    return accepted;
                }
            }
        }
        return null;
    }

    private static DeflateParameters accept(Map<String, String> parameters, DeflatePolicy policy) {
        boolean serverNoTakeover = !policy.serverContextTakeover();
        boolean clientNoTakeover = !policy.clientContextTakeover();
        int serverBits = 0;
        int clientBits = 0;
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            String value = parameter.getValue();
            switch (parameter.getKey()) {
                case DeflateParameters.SERVER_NO_CONTEXT_TAKEOVER:
                    if (!value.isEmpty()) {
                        return null;
                    }
                    serverNoTakeover = true;
                    break;
                case DeflateParameters.CLIENT_NO_CONTEXT_TAKEOVER:
                    if (!value.isEmpty()) {
                        return null;
                    }
                    clientNoTakeover = true;
                    break;
                case DeflateParameters.SERVER_MAX_WINDOW_BITS:
                    if (windowBits(value) != DeflatePolicy.MAX_WINDOW_BITS) {
                        return null;
                    }
                    serverBits = DeflatePolicy.MAX_WINDOW_BITS;
                    break;
                case DeflateParameters.CLIENT_MAX_WINDOW_BITS:
                    int offered = value.isEmpty() ? DeflatePolicy.MAX_WINDOW_BITS : windowBits(value);
                    if (offered < 0) {
                        return null;
                    }
                    int granted = Math.min(offered, policy.clientMaxWindowBits());
                    clientBits = granted < DeflatePolicy.MAX_WINDOW_BITS || !value.isEmpty() ? granted : 0;
                    break;
                default:
                    return null;
            }
        }
        return new DeflateParameters(serverNoTakeover, clientNoTakeover, serverBits, clientBits);
    }

    /** The Sec-WebSocket-Extensions value a client sends to offer permessage-deflate. */
    public static String clientOffer(boolean clientNoContextTakeover) {
        return clientNoContextTakeover
                ? DeflateParameters.NAME + "; " + DeflateParameters.CLIENT_NO_CONTEXT_TAKEOVER
                : DeflateParameters.NAME;
    }

    /**
     * Checks a server's answer to {@link #clientOffer} (§7.1): exactly one permessage-deflate, no
     * repeated, unknown or invalid parameter, and no {@code client_max_window_bits} (the offer has
     * none, since a {@code java.util.zip} deflater cannot shrink its window).
     *
     * @param answers the answer's extensions; empty when the server declined
     * @return the agreed parameters, or {@code null} when the server declined
     * @throws IllegalArgumentException naming what is wrong; the client must fail the connection
     */
    public static DeflateParameters clientAccept(List<ExtensionOffer> answers) {
        if (answers.isEmpty()) {
            return null;
        }
        if (answers.size() > 1 || !DeflateParameters.NAME.equals(answers.get(0).name())) {
            throw new IllegalArgumentException("server selected extensions we did not offer: " + answers);
        }
        ExtensionOffer answer = answers.get(0);
        if (answer.repeatsParameter()) {
            throw new IllegalArgumentException("permessage-deflate answer repeats a parameter");
        }
        boolean serverNoTakeover = false;
        boolean clientNoTakeover = false;
        int serverBits = 0;
        for (Map.Entry<String, String> parameter : answer.parameters().entrySet()) {
            String name = parameter.getKey();
            String value = parameter.getValue();
            if (DeflateParameters.SERVER_NO_CONTEXT_TAKEOVER.equals(name) && value.isEmpty()) {
                serverNoTakeover = true;
            } else if (DeflateParameters.CLIENT_NO_CONTEXT_TAKEOVER.equals(name) && value.isEmpty()) {
                clientNoTakeover = true;
            } else if (DeflateParameters.SERVER_MAX_WINDOW_BITS.equals(name) && windowBits(value) > 0) {
                serverBits = windowBits(value);
            } else {
                throw new IllegalArgumentException("permessage-deflate answer has a parameter we cannot accept: "
                        + name + (value.isEmpty() ? "" : "=" + value));
            }
        }
        return new DeflateParameters(serverNoTakeover, clientNoTakeover, serverBits, 0);
    }

    /** Window bits 8-15 as RFC 7692 §7.1.2 writes them (decimal, no leading zero), or -1. */
    static int windowBits(String value) {
        if (value.length() == 1 && value.charAt(0) >= '8' && value.charAt(0) <= '9') {
            return value.charAt(0) - '0';
        }
        if (value.length() == 2 && value.charAt(0) == '1' && value.charAt(1) >= '0' && value.charAt(1) <= '5') {
            return 10 + value.charAt(1) - '0';
        }
        return -1;
    }
}
