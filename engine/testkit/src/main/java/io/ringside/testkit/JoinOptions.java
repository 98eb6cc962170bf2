package io.ringside.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@link TestPlayer} sends with a join: options (the room sees them in
 * {@code JoinRequest.options()}, and a room created by the join in {@code onCreate}) and an auth
 * token. Immutable; each {@code with...} returns a copy.
 *
 * <pre>{@code
 * alice.joinOrCreate("arena", JoinOptions.of("name", "alice").withAuthToken("secret"));
 * }</pre>
 */
public final class JoinOptions {
    private static final JoinOptions NONE = new JoinOptions(Map.of(), "");

    private final Map<String, String> options;
    private final String authToken;

    private JoinOptions(Map<String, String> options, String authToken) {
        this.options = Map.copyOf(options);
        this.authToken = authToken;
    }

    /** No options, no token. */
    public static JoinOptions none() {
        return NONE;
    }

    /** The one option {@code key} = {@code value}. */
    public static JoinOptions of(String key, String value) {
        return NONE.with(key, value);
    }

    /** All of {@code options}. */
    public static JoinOptions of(Map<String, String> options) {
        return new JoinOptions(options, "");
    }

    /** A copy with option {@code key} set to {@code value}. */
    public JoinOptions with(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(options);
        copy.put(key, value);
        return new JoinOptions(copy, authToken);
    }

    /** A copy carrying auth token {@code token} (the room sees it in {@code JoinRequest.authToken()}). */
    public JoinOptions withAuthToken(String token) {
        return new JoinOptions(options, token == null ? "" : token);
    }

    /** The options; never {@code null}. */
    public Map<String, String> options() {
        return options;
    }

    /** The auth token; empty when none. */
    public String authToken() {
        return authToken;
    }

    @Override
    public String toString() {
        return "JoinOptions" + options + (authToken.isEmpty() ? "" : " with a token");
    }
}
