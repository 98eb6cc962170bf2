package io.ringside.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class ReplicationPropertyTest {

    @Property(tries = 150)
    void shouldKeepEveryMirrorEqualToItsViewWhenEverythingSeesEverything(@ForAll long seed) {
        // given a room without a spatial view and a large budget
        StateScenario scenario = new StateScenario(seed, ReplicationOptions.defaults(), false);

        // when random spawns, mutations, despawns, joins, leaves, reconnects, lags and sends run
        scenario.run(300);

        // then every check along the way passed, and there were checks
        assertThat(scenario.checks).isPositive();
    }

    @Property(tries = 150)
    void shouldKeepEveryMirrorEqualToItsViewWithASpatialViewAndATightBudget(@ForAll long seed) {
        // given a room with a view radius and the smallest byte budget
        ReplicationOptions options = ReplicationOptions.builder().viewRadius(150)
                .maxPatchBytes(ReplicationOptions.MIN_MAX_PATCH_BYTES).build();
        StateScenario scenario = new StateScenario(seed, options, false);

        // when the same kinds of random runs happen
        scenario.run(300);

        // then mirrors matched whenever a patch held nothing back, and all converge at the end
        assertThat(scenario.checks).isPositive();
    }

    @Property(tries = 150)
    void shouldKeepEveryMirrorEqualToItsViewWithAFieldFilter(@ForAll long seed) {
        // given a room whose field filter hides different fields from different viewers, by values
        // that change as the run goes
        StateScenario scenario = new StateScenario(seed, ReplicationOptions.defaults(), false, true);

        // when
        scenario.run(300);

        // then every mirror matched its view minus the hidden fields
        assertThat(scenario.checks).isPositive();
    }

    @Property(tries = 150)
    void shouldKeepEveryMirrorEqualToItsViewWithAFieldFilterASpatialViewAndATightBudget(@ForAll long seed) {
        // given
        ReplicationOptions options = ReplicationOptions.builder().viewRadius(150)
                .maxPatchBytes(ReplicationOptions.MIN_MAX_PATCH_BYTES).build();
        StateScenario scenario = new StateScenario(seed, options, false, true);

        // when
        scenario.run(300);

        // then
        assertThat(scenario.checks).isPositive();
    }
}
