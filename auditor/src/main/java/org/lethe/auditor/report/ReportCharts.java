package org.lethe.auditor.report;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.HistogramDataset;
import org.lethe.auditor.timeline.RequestStatus;

import java.awt.image.BufferedImage;
import java.util.Map;

/** The report's charts, drawn by JFreeChart into images for the PDF. */
final class ReportCharts {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 420;

    private ReportCharts() {
    }

    static BufferedImage requestsByStatus(Map<RequestStatus, Long> byStatus) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        byStatus.forEach((status, count) -> data.addValue(count, "requests", status.name()));
        JFreeChart chart = ChartFactory.createBarChart("Deletion requests of the period by status", "status",
                "requests", data, PlotOrientation.VERTICAL, false, false, false);
        return chart.createBufferedImage(WIDTH, HEIGHT);
    }

    /** The trigger's success rate on the served model after each verified deletion. */
    static BufferedImage backdoorSuccessAfterDeletion(double[] rates) {
        HistogramDataset data = new HistogramDataset();
        data.addSeries("verified deletions", rates.length == 0 ? new double[]{0} : rates, 20, 0, 1);
        JFreeChart chart = ChartFactory.createHistogram("Backdoor success rate on the served model after deletion"
                        + (rates.length == 0 ? " (no verification in the period)" : ""), "success rate",
                "verifications", data, PlotOrientation.VERTICAL, false, false, false);
        return chart.createBufferedImage(WIDTH, HEIGHT);
    }
}
