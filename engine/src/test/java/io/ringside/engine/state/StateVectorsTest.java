package io.ringside.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The state test vectors in {@code protocol/src/test/resources/state-vectors}: random runs whose
 * patches and mirror states other mirrors (the browser's) replay. Fails when the committed
 * vectors differ from what the encoder produces now; {@code -Dringside.updateStateVectors=true}
 * rewrites them.
 */
class StateVectorsTest {
    private static final Path DIR = Path.of("..", "protocol", "src", "test", "resources", "state-vectors");

    @ParameterizedTest
    @CsvSource({
        "vectors-open.json, 11, 0, 16384",
        "vectors-view.json, 22, 150, 256",
        "vectors-mixed.json, 33, 90, 600",
    })
    void shouldMatchTheCommittedVectors(String file, long seed, float radius, int budget) throws IOException {
        // given a fixed random run, checked against the server state as it goes
        ReplicationOptions options = ReplicationOptions.builder().viewRadius(radius).maxPatchBytes(budget).build();
        StateScenario scenario = new StateScenario(seed, options, true);
        scenario.run(400);

        // when it is written as vectors
        String json = json(scenario, seed, radius, budget);

        // then it is what is committed
        Path path = DIR.resolve(file);
        if (Boolean.getBoolean("ringside.updateStateVectors")) {
            Files.writeString(path, json, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(path)).as("%s exists (run with -Dringside.updateStateVectors=true)", path).isTrue();
        assertThat(Files.readString(path, StandardCharsets.UTF_8))
                .as("%s is up to date (run with -Dringside.updateStateVectors=true)", path).isEqualTo(json);
    }

    private static String json(StateScenario scenario, long seed, float radius, int budget) {
        StringBuilder out = new StringBuilder();
        out.append("{\n  \"proto\": \"vectors.proto\",\n  \"seed\": ").append(seed)
                .append(",\n  \"viewRadius\": ").append(radius)
                .append(",\n  \"maxPatchBytes\": ").append(budget)
                .append(",\n  \"clients\": {");
        boolean first = true;
        for (Map.Entry<String, List<String>> client : scenario.log.entrySet()) {
            out.append(first ? "\n" : ",\n").append("    \"").append(client.getKey()).append("\": [");
            first = false;
            boolean firstEvent = true;
            for (String event : client.getValue()) {
                out.append(firstEvent ? "\n      " : ",\n      ").append(event);
                firstEvent = false;
            }
            out.append("\n    ]");
        }
        return out.append("\n  }\n}\n").toString();
    }
}
