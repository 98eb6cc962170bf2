package io.ringside.engine;

import io.ringside.engine.client.PublicTypes;
import org.junit.jupiter.api.Test;

/**
 * Pins the engine's public types to {@code public-api.txt} next to this test: a type becomes API, or
 * stops being one, only with a change to that list.
 */
class PublicApiTest {
    @Test
    void shouldHaveExactlyTheListedPublicTypes() throws Exception {
        // the internal packages are not API: public only for the engine's other packages and artifacts
        PublicTypes.assertMatches(PublicApiTest.class, "public-api.txt", RingsideServer.class,
                "io.ringside.engine.internal");
    }
}
