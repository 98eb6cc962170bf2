package io.ringside.tools.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SvgChartTest {
    @Test
    void shouldDrawOnePolylinePerSeriesWithinThePlotArea() {
        // given
        SvgChart chart = new SvgChart("Throughput", "seconds", "messages/s")
                .series("sent", "#111111", new double[] {1, 2, 3}, new double[] {10, 20, 30})
                .series("received <echo>", "#222222", new double[] {1, 2, 3}, new double[] {5, 15, 25});

        // when
        String svg = chart.render();

        // then
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>\n");
        assertThat(svg.split("<polyline", -1)).hasSize(3);
        assertThat(svg).contains("Throughput", "received &lt;echo&gt;", "stroke=\"#111111\"");
        // x from 0 to 3 over 70..840 px: the point at x=3, y=30 sits at the right edge, top of the axis
        assertThat(svg).contains("840.0,36.0");
    }

    @Test
    void shouldUseGivenTickLabelsWhenTheAxisIsNotLinearInPercent() {
        // when
        String svg = new SvgChart("Latency", "percentile", "ms").xTicks(Map.of(0.0, "0%", 2.0, "99%"))
                .series("RTT", "#333333", new double[] {0, 1, 2}, new double[] {1, 2, 4}).render();

        // then
        assertThat(svg).contains(">0%<", ">99%<");
    }

    @Test
    void shouldRenderAxesWhenThereIsNoData() {
        assertThat(new SvgChart("Empty", "x", "y").render()).contains("<svg", "Empty", "</svg>");
    }
}
