package io.ringside.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SpatialGridTest {

    @Test
    void shouldReturnEveryEntityWithinTheRadiusAndOnlyNearbyCellsWhenQueried() {
        // given 2,000 entities scattered over a large world, some far outside it
        Random random = new Random(7);
        float[] xs = new float[2000];
        float[] ys = new float[2000];
        SpatialGrid grid = new SpatialGrid(100);
        grid.clear(xs.length);
        for (int i = 0; i < xs.length; i++) {
            float spread = i % 50 == 0 ? 1e9f : 5000;
            xs[i] = (random.nextFloat() - 0.5f) * spread;
            ys[i] = (random.nextFloat() - 0.5f) * spread;
            grid.add(i, xs[i], ys[i]);
        }
        int[] out = new int[xs.length];

        for (int q = 0; q < 200; q++) {
            float x = (random.nextFloat() - 0.5f) * 6000;
            float y = (random.nextFloat() - 0.5f) * 6000;
            float radius = 20 + random.nextFloat() * 300;

            // when
            int end = grid.query(x, y, radius, out, 0);

            // then every entity within the radius is returned, once, and none further than a cell beyond it
            TreeSet<Integer> returned = new TreeSet<>();
            for (int k = 0; k < end; k++) {
                assertThat(returned.add(out[k])).as("returned once").isTrue();
                assertThat(Math.abs(xs[out[k]] - x)).isLessThanOrEqualTo(radius + 100);
                assertThat(Math.abs(ys[out[k]] - y)).isLessThanOrEqualTo(radius + 100);
            }
            for (int i = 0; i < xs.length; i++) {
                float dx = xs[i] - x;
                float dy = ys[i] - y;
                if (dx * dx + dy * dy <= radius * radius) {
                    assertThat(returned).as("query %d holds entity %d", q, i).contains(i);
                }
            }
        }
    }

    @Test
    void shouldForgetEverythingWhenCleared() {
        // given
        SpatialGrid grid = new SpatialGrid(10);
        grid.clear(4);
        grid.add(0, 1, 1);
        grid.add(1, 2, 2);

        // when
        grid.clear(100);
        grid.add(5, 3, 3);
        int[] out = new int[8];
        int end = grid.query(0, 0, 10, out, 2);

        // then
        assertThat(grid.size()).isEqualTo(1);
        assertThat(Arrays.copyOfRange(out, 2, end)).containsExactly(5);
    }
}
