package io.ringside.tools.loadgen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small line chart rendered as inline SVG, so that the HTML report needs no script or network:
 * linear axes with rounded ticks (or given x tick labels), one polyline per series, a legend.
 */
final class SvgChart {
    private static final int WIDTH = 860;
    private static final int HEIGHT = 320;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 36;
    private static final int BOTTOM = 48;
    private static final int TICKS = 6;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private Map<Double, String> xTickLabels;

    private record Series(String name, String color, double[] xs, double[] ys) {
    }

    SvgChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    SvgChart series(String name, String color, double[] xs, double[] ys) {
        series.add(new Series(name, color, xs, ys));
        return this;
    }

    /** Uses these x ticks (position to label) instead of rounded numbers. */
    SvgChart xTicks(Map<Double, String> labels) {
        this.xTickLabels = new LinkedHashMap<>(labels);
        return this;
    }

    String render() {
        double[] x = range(true);
        if (xTickLabels == null) {
            x[0] = Math.min(0, x[0]);
        }
        double[] y = range(false);
        y[0] = Math.min(0, y[0]);
        double yStep = niceStep(y[1] - y[0]);
        y[1] = Math.ceil(y[1] / yStep) * yStep;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" "
                + "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(text(WIDTH / 2.0, 20, "middle", "title", title));
        axes(svg, x, y, yStep);
        for (Series s : series) {
            svg.append("<polyline class=\"series\" fill=\"none\" stroke-width=\"2\" stroke=\"").append(s.color())
                    .append("\" points=\"");
            for (int i = 0; i < s.xs().length; i++) {
                svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", px(s.xs()[i], x), py(s.ys()[i], y)));
            }
            svg.append("\"><title>").append(escape(s.name())).append("</title></polyline>\n");
        }
        legend(svg);
        return svg.append("</svg>\n").toString();
    }

    private void axes(StringBuilder svg, double[] x, double[] y, double yStep) {
        int bottom = HEIGHT - BOTTOM;
        svg.append(line(LEFT, TOP, LEFT, bottom)).append(line(LEFT, bottom, WIDTH - RIGHT, bottom));
        for (double v = y[0]; v <= y[1] + yStep / 2; v += yStep) {
            double py = py(v, y);
            svg.append(grid(LEFT, py, WIDTH - RIGHT, py)).append(text(LEFT - 6, py + 4, "end", "tick", number(v)));
        }
        Map<Double, String> ticks = xTickLabels != null ? xTickLabels : numberTicks(x);
        ticks.forEach((v, label) -> {
            if (v >= x[0] && v <= x[1]) {
                double px = px(v, x);
                svg.append(grid(px, TOP, px, bottom)).append(text(px, bottom + 16, "middle", "tick", label));
            }
        });
        svg.append(text((LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 8, "middle", "label", xLabel));
        svg.append(String.format(Locale.ROOT, "<text class=\"label\" text-anchor=\"middle\" "
                + "transform=\"translate(16,%d) rotate(-90)\">%s</text>%n", (TOP + bottom) / 2, escape(yLabel)));
    }

    private void legend(StringBuilder svg) {
        double at = LEFT + 10;
        for (Series s : series) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.0f\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>",
                    at, TOP - 4, s.color()));
            svg.append(text(at + 16, TOP + 6, "start", "legend", s.name()));
            at += 30 + 7 * s.name().length();
        }
    }

    private Map<Double, String> numberTicks(double[] x) {
        Map<Double, String> ticks = new LinkedHashMap<>();
        double step = niceStep(x[1] - x[0]);
        for (double v = Math.ceil(x[0] / step) * step; v <= x[1] + step / 2; v += step) {
            ticks.put(v, number(v));
        }
        return ticks;
    }

    private double[] range(boolean xAxis) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : xAxis ? s.xs() : s.ys()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min == Double.POSITIVE_INFINITY) {
            return new double[] {0, 1};
        }
        return new double[] {min, max > min ? max : min + 1};
    }

    private static double niceStep(double span) {
        double raw = span / TICKS;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double n = raw / magnitude;
        return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * magnitude;
    }

    private static double px(double v, double[] x) {
        return LEFT + (v - x[0]) / (x[1] - x[0]) * (WIDTH - LEFT - RIGHT);
    }

    private static double py(double v, double[] y) {
        return HEIGHT - BOTTOM - (v - y[0]) / (y[1] - y[0]) * (HEIGHT - BOTTOM - TOP);
    }

    private static String number(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9 ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.3g", v);
    }

    private static String line(double x1, double y1, double x2, double y2) {
        return String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                + "stroke=\"#333\"/>%n", x1, y1, x2, y2);
    }

    private static String grid(double x1, double y1, double x2, double y2) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                + "stroke=\"#ddd\"/>%n", x1, y1, x2, y2);
    }

    private static String text(double x, double y, String anchor, String cls, String s) {
        return String.format(Locale.ROOT, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n",
                cls, x, y, anchor, escape(s));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
