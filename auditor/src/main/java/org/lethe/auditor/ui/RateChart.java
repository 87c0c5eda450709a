package org.lethe.auditor.ui;

import java.util.List;
import java.util.Locale;

/**
 * An inline SVG bar chart of the backdoor's hit rate before and after each version's deletions: no
 * front-end build, no script.
 */
final class RateChart {

    /** One version's mean rates; NaN where nothing was measured. */
    record Bars(String label, double before, double after) {
    }

    private static final int HEIGHT = 160;
    private static final int GROUP = 70;

    private RateChart() {
    }

    static String svg(List<Bars> bars) {
        int width = Math.max(240, 40 + GROUP * bars.size());
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" "
                        + "aria-label=\"backdoor hit rate before and after deletion\">", width, HEIGHT + 40));
        svg.append(String.format(Locale.ROOT, "<line x1=\"30\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>",
                HEIGHT, width, HEIGHT));
        svg.append("<text x=\"0\" y=\"12\" font-size=\"10\">1.0</text>");
        svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-size=\"10\">0</text>", HEIGHT));
        for (int i = 0; i < bars.size(); i++) {
            Bars b = bars.get(i);
            int x = 40 + i * GROUP;
            bar(svg, x, b.before(), "#c0392b", "before");
            bar(svg, x + 24, b.after(), "#27ae60", "after");
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\">%s</text>", x, HEIGHT + 14,
                    b.label()));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"40\" y=\"%d\" font-size=\"10\" fill=\"#c0392b\">before "
                + "(version with the data, from the certificate)</text>", HEIGHT + 28));
        svg.append(String.format(Locale.ROOT, "<text x=\"40\" y=\"%d\" font-size=\"10\" fill=\"#27ae60\">after "
                + "(served version, on the ledger)</text>", HEIGHT + 40));
        return svg.append("</svg>").toString();
    }

    private static void bar(StringBuilder svg, int x, double rate, String colour, String what) {
        if (Double.isNaN(rate)) {
            return;
        }
        int height = (int) Math.round(rate * (HEIGHT - 10));
        svg.append(String.format(Locale.ROOT, "<rect class=\"rate-%s\" x=\"%d\" y=\"%d\" width=\"20\" height=\"%d\" "
                + "fill=\"%s\"><title>%s %.3f</title></rect>", what, x, HEIGHT - height, height, colour, what, rate));
    }
}
