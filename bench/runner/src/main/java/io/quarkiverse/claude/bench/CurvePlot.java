package io.quarkiverse.claude.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The scale curves as PNGs (JFreeChart, headless): panels sharing one logarithmic x axis, one line per client. */
final class CurvePlot {

    /** One panel: its y axis and its lines, each a map x → y. */
    record Panel(String yLabel, Map<String, Map<Double, Double>> lines) {
    }

    private CurvePlot() {
    }

    /** One colour per client, the same in every panel and plot: the SDK blue, `Uni` orange, quarkus-claude red. */
    private static Color colour(String line) {
        if (line.contains("SDK")) {
            return new Color(0x1F77B4);
        }
        return line.contains("Uni") ? new Color(0xFF7F0E) : new Color(0xD62728);
    }

    /** A client's secondary line (its heap, its CPU without the JIT) is dashed. */
    private static boolean secondary(String line) {
        return line.contains("heap") || line.contains("without JIT");
    }

    static void write(Path png, String title, String xLabel, List<Panel> panels) throws IOException {
        System.setProperty("java.awt.headless", "true");
        LogAxis x = new LogAxis(xLabel);
        x.setBase(10);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setNumberFormatOverride(new DecimalFormat("#,##0")); // 1, 10, 100, not 10^0, 10^1, 10^2
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(x);
        for (Panel p : panels) {
            XYSeriesCollection data = new XYSeriesCollection();
            for (Map.Entry<String, Map<Double, Double>> line : p.lines().entrySet()) {
                XYSeries s = new XYSeries(line.getKey());
                line.getValue().forEach((k, v) -> {
                    if (!Double.isNaN(v)) {
                        s.add(k, v);
                    }
                });
                data.addSeries(s);
            }
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
            for (int i = 0; i < data.getSeriesCount(); i++) {
                String key = data.getSeriesKey(i).toString();
                renderer.setSeriesPaint(i, colour(key));
                renderer.setSeriesStroke(i, secondary(key)
                        ? new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] { 4f, 4f }, 0f)
                        : new BasicStroke(2f));
            }
            NumberAxis y = new NumberAxis(p.yLabel());
            y.setAutoRangeIncludesZero(true);
            XYPlot sub = new XYPlot(data, null, y, renderer);
            sub.setBackgroundPaint(Color.WHITE);
            sub.setRangeGridlinePaint(Color.LIGHT_GRAY);
            sub.setDomainGridlinePaint(Color.LIGHT_GRAY);
            plot.add(sub);
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        // when and under what load: a plot from a busy machine must say so
        String[] load = BenchApp.loadAverage().split(" ");
        chart.addSubtitle(new TextTitle(Instant.now().toString().substring(0, 16) + " UTC, "
                + Runtime.getRuntime().availableProcessors() + " CPUs, Java " + System.getProperty("java.version")
                + ", load average at the end: " + String.join(" ", Arrays.asList(load).subList(0, Math.min(3, load.length)))));
        chart.setBackgroundPaint(Color.WHITE);
        Files.createDirectories(png.getParent());
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 320 * panels.size() + 120);
    }

    /** The given PNGs one above the other in one image (the README's scale curve). */
    static void stack(List<Path> pngs, Path out) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        for (Path p : pngs) {
            images.add(ImageIO.read(p.toFile()));
        }
        int width = images.stream().mapToInt(BufferedImage::getWidth).max().orElse(1);
        int height = images.stream().mapToInt(BufferedImage::getHeight).sum();
        BufferedImage all = new BufferedImage(width, Math.max(height, 1), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int top = 0;
        for (BufferedImage i : images) {
            g.drawImage(i, 0, top, null);
            top += i.getHeight();
        }
        g.dispose();
        ImageIO.write(all, "png", out.toFile());
    }
}
