package io.ringside.engine.client;

import org.junit.jupiter.api.Test;

/**
 * Pins the Java client's public types to {@code public-api.txt} next to this test: a type becomes API, or
 * stops being one, only with a change to that list.
 */
class PublicApiTest {
    @Test
    void shouldHaveExactlyTheListedPublicTypes() throws Exception {
        PublicTypes.assertMatches(PublicApiTest.class, "public-api.txt", GameClient.class);
    }
}
