package dev.cnnbuild.core.report;

import java.util.List;

/**
 * An inline SVG line chart of per-epoch values: axes with ticks, a grid, a legend, one {@code <path class="series">}
 * per series, and a point with a tooltip per value. Values that are not finite break the line.
 */
final class LineChart {
    private static final int WIDTH = 560;
    private static final int HEIGHT = 300;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 44;
    private static final int TICKS = 5;

    /**
     * One line.
     *
     * @param name the legend's text
     * @param cssClass the class that colours it
     * @param values one value per epoch, epoch 1 first
     */
    record Series(String name, String cssClass, double[] values) {}

    private final String title;
    private final String yTitle;
    private final boolean fromZero;
    private final List<Series> series;

    /**
     * Creates the chart.
     *
     * @param title the chart's title
     * @param yTitle the vertical axis's title
     * @param fromZero whether the vertical axis starts at 0, rather than near the smallest value
     * @param series the lines
     */
    LineChart(String title, String yTitle, boolean fromZero, List<Series> series) {
        this.title = title;
        this.yTitle = yTitle;
        this.fromZero = fromZero;
        this.series = List.copyOf(series);
    }

    /** Returns the chart as an {@code <svg>} element. */
    String svg() {
        int epochs = series.stream().mapToInt(s -> s.values().length).max().orElse(0);
        Scale y = yScale();
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(title))
                .append("\">\n");
        svg.append("<text class=\"chart-title\" x=\"")
                .append(LEFT)
                .append("\" y=\"18\">")
                .append(Html.escape(title))
                .append("</text>\n");
        legend(svg);
        yAxis(svg, y);
        xAxis(svg, epochs);
        for (Series s : series) {
            line(svg, s, epochs, y);
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private void legend(StringBuilder svg) {
        int x = WIDTH - RIGHT - 110 * series.size();
        for (Series s : series) {
            svg.append("<g class=\"legend ")
                    .append(s.cssClass())
                    .append("\"><line x1=\"")
                    .append(x)
                    .append("\" y1=\"14\" x2=\"")
                    .append(x + 22)
                    .append("\" y2=\"14\"/><text x=\"")
                    .append(x + 28)
                    .append("\" y=\"18\">")
                    .append(Html.escape(s.name()))
                    .append("</text></g>\n");
            x += 110;
        }
    }

    private void yAxis(StringBuilder svg, Scale y) {
        for (int i = 0; i <= y.steps(); i++) {
            double value = y.low() + i * y.step();
            String py = Html.fixed(yPixel(value, y), 1);
            svg.append("<line class=\"grid\" x1=\"")
                    .append(LEFT)
                    .append("\" y1=\"")
                    .append(py)
                    .append("\" x2=\"")
                    .append(WIDTH - RIGHT)
                    .append("\" y2=\"")
                    .append(py)
                    .append("\"/>");
            svg.append("<text class=\"tick y\" x=\"")
                    .append(LEFT - 8)
                    .append("\" y=\"")
                    .append(py)
                    .append("\">")
                    .append(Html.fixed(value, y.decimals()))
                    .append("</text>\n");
        }
        svg.append("<line class=\"axis\" x1=\"")
                .append(LEFT)
                .append("\" y1=\"")
                .append(TOP)
                .append("\" x2=\"")
                .append(LEFT)
                .append("\" y2=\"")
                .append(HEIGHT - BOTTOM)
                .append("\"/>\n");
        svg.append("<text class=\"axis-title\" transform=\"translate(14 ")
                .append((TOP + HEIGHT - BOTTOM) / 2)
                .append(") rotate(-90)\">")
                .append(Html.escape(yTitle))
                .append("</text>\n");
    }

    private void xAxis(StringBuilder svg, int epochs) {
        int bottom = HEIGHT - BOTTOM;
        svg.append("<line class=\"axis\" x1=\"")
                .append(LEFT)
                .append("\" y1=\"")
                .append(bottom)
                .append("\" x2=\"")
                .append(WIDTH - RIGHT)
                .append("\" y2=\"")
                .append(bottom)
                .append("\"/>\n");
        int every = Math.max(1, (int) Math.ceil(epochs / 10.0));
        for (int epoch = 1; epoch <= epochs; epoch += every) {
            String px = Html.fixed(xPixel(epoch, epochs), 1);
            svg.append("<line class=\"axis\" x1=\"")
                    .append(px)
                    .append("\" y1=\"")
                    .append(bottom)
                    .append("\" x2=\"")
                    .append(px)
                    .append("\" y2=\"")
                    .append(bottom + 5)
                    .append("\"/>");
            svg.append("<text class=\"tick x\" x=\"")
                    .append(px)
                    .append("\" y=\"")
                    .append(bottom + 18)
                    .append("\">")
                    .append(epoch)
                    .append("</text>\n");
        }
        svg.append("<text class=\"axis-title x\" x=\"")
                .append((LEFT + WIDTH - RIGHT) / 2)
                .append("\" y=\"")
                .append(HEIGHT - 6)
                .append("\">epoch</text>\n");
    }

    private void line(StringBuilder svg, Series s, int epochs, Scale y) {
        StringBuilder path = new StringBuilder();
        StringBuilder points = new StringBuilder();
        boolean drawing = false;
        for (int i = 0; i < s.values().length; i++) {
            double value = s.values()[i];
            if (!Double.isFinite(value)) {
                drawing = false;
                continue;
            }
            String px = Html.fixed(xPixel(i + 1, epochs), 1);
            String py = Html.fixed(yPixel(value, y), 1);
            path.append(drawing ? " L" : (path.length() == 0 ? "M" : " M"))
                    .append(px)
                    .append(' ')
                    .append(py);
            drawing = true;
            points.append("<circle class=\"point ")
                    .append(s.cssClass())
                    .append("\" cx=\"")
                    .append(px)
                    .append("\" cy=\"")
                    .append(py)
                    .append("\" r=\"3\"><title>")
                    .append(Html.escape(s.name()))
                    .append(", epoch ")
                    .append(i + 1)
                    .append(": ")
                    .append(Html.fixed(value, 4))
                    .append("</title></circle>");
        }
        svg.append("<path class=\"series ")
                .append(s.cssClass())
                .append("\" d=\"")
                .append(path)
                .append("\"/>\n")
                .append(points)
                .append('\n');
    }

    private static double xPixel(int epoch, int epochs) {
        double plotWidth = WIDTH - LEFT - RIGHT;
        if (epochs <= 1) {
            return LEFT + plotWidth / 2;
        }
        return LEFT + 12 + (plotWidth - 24) * (epoch - 1) / (epochs - 1);
    }

    private static double yPixel(double value, Scale y) {
        double plotHeight = HEIGHT - TOP - BOTTOM;
        return HEIGHT - BOTTOM - plotHeight * (value - y.low()) / (y.high() - y.low());
    }

    private Scale yScale() {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : s.values()) {
                if (Double.isFinite(v)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        if (low > high) {
            low = 0;
            high = 1;
        }
        if (fromZero) {
            low = Math.min(0, low);
        }
        if (high - low < 1e-9) {
            double pad = Math.max(Math.abs(high) * 0.05, 0.01);
            low -= pad;
            high += pad;
        }
        return Scale.nice(low, high, TICKS);
    }

    /** A vertical axis from {@code low} to {@code high} in {@code steps} ticks of {@code step}. */
    private record Scale(double low, double high, double step, int steps, int decimals) {

        /** Returns round ticks covering {@code [low, high]}: steps of 1, 2 or 5 times a power of ten (Heckbert). */
        static Scale nice(double low, double high, int ticks) {
            double rough = (high - low) / (ticks - 1);
            double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
            double fraction = rough / magnitude;
            double step = (fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10) * magnitude;
            double niceLow = Math.floor(low / step + 1e-9) * step;
            double niceHigh = Math.ceil(high / step - 1e-9) * step;
            int steps = (int) Math.round((niceHigh - niceLow) / step);
            int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
            return new Scale(niceLow, niceHigh, step, steps, decimals);
        }
    }
}
