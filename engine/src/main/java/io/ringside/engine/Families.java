package io.ringside.engine;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;
import java.util.Map;

/**
 * Builds metric families for one scrape: counters and gauges, unlabelled or with one label. Names
 * are given without the {@code _total} suffix of counters, which the text format adds.
 */
final class Families {
    private final List<MetricSnapshot> out;

    Families(List<MetricSnapshot> out) {
        this.out = out;
    }

    void counter(String name, String help, double value) {
        out.add(CounterSnapshot.builder().name(name).help(help)
                .dataPoint(CounterDataPointSnapshot.builder().value(value).build()).build());
    }

    void counter(String name, String help, String label, Map<?, ? extends Number> values) {
        CounterSnapshot.Builder family = CounterSnapshot.builder().name(name).help(help);
        values.forEach((key, value) -> family.dataPoint(CounterDataPointSnapshot.builder()
                .labels(Labels.of(label, String.valueOf(key))).value(value.doubleValue()).build()));
        out.add(family.build());
    }

    /** A counter with two labels: {@code values} maps a first label value to second label values and counts. */
    void counter(String name, String help, String label1, String label2,
            Map<String, ? extends Map<String, ? extends Number>> values) {
        CounterSnapshot.Builder family = CounterSnapshot.builder().name(name).help(help);
        values.forEach((first, row) -> row.forEach((second, value) -> family.dataPoint(
                CounterDataPointSnapshot.builder().labels(Labels.of(label1, first, label2, second))
                        .value(value.doubleValue()).build())));
        out.add(family.build());
    }

    void gauge(String name, String help, double value) {
        out.add(GaugeSnapshot.builder().name(name).help(help)
                .dataPoint(GaugeDataPointSnapshot.builder().value(value).build()).build());
    }

    void gauge(String name, String help, String label, Map<?, ? extends Number> values) {
        GaugeSnapshot.Builder family = GaugeSnapshot.builder().name(name).help(help);
        values.forEach((key, value) -> family.dataPoint(GaugeDataPointSnapshot.builder()
                .labels(Labels.of(label, String.valueOf(key))).value(value.doubleValue()).build()));
        out.add(family.build());
    }
}
