package org.mtlworkbench.export.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The curves: bias-corrected smoothing, log axis, markers, CSV of the data behind the chart. */
class CurveFigureTest {

    @TempDir
    Path tmp;

    @Test
    void emaIsBiasCorrected() {
        // a constant stays constant from the first point (an uncorrected EMA would start at (1 − β)·x)
        double[] s = Ema.smooth(new double[] {5, 5, 5, 5}, 0.9);
        for (double v : s) {
            assertThat(v).isCloseTo(5, within(1e-12));
        }
        // brute force: weighted mean with weights β^(n−i), normalised
        double[] x = {3, -1, 4, 1, -5, 9, 2};
        double beta = 0.7;
        double[] e = Ema.smooth(x, beta);
        for (int n = 0; n < x.length; n++) {
            double num = 0;
            double den = 0;
            for (int i = 0; i <= n; i++) {
                double w = Math.pow(beta, n - i);
                num += w * x[i];
                den += w;
            }
            assertThat(e[n]).isCloseTo(num / den, within(1e-12));
        }
        assertThat(Ema.smooth(x, 0)).containsExactly(x);
    }

    @Test
    void smoothedCurvesFollowTheSmoothingWeightAndTheCsvHoldsBoth() throws Exception {
        CurveFigure f = new CurveFigure("Loss", "loss");
        f.setSmoothing(0.5);
        f.beginBatch();
        double[] xs = {4, 2, 3, 1};
        for (int i = 0; i < xs.length; i++) {
            f.add("negative ELBO", i + 1, xs[i]);
        }
        f.add("negative ELBO", 5, Double.NaN); // skipped
        f.endBatch();
        assertThat(f.pointCount("negative ELBO")).isEqualTo(4);
        double[] expected = Ema.smooth(xs, 0.5);
        double[][] sm = f.smoothed("negative ELBO");
        for (int i = 0; i < xs.length; i++) {
            assertThat(sm[i][1]).isCloseTo(expected[i], within(1e-12));
        }
        f.setSmoothing(0);
        assertThat(f.smoothed("negative ELBO")[3][1]).isEqualTo(1.0);
        Path csv = tmp.resolve("loss.csv");
        CurveCsv.write(f, csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).containsExactly("curve,step,value,smoothed", "negative ELBO,1,4.0,4.0",
                "negative ELBO,2,2.0,2.0", "negative ELBO,3,3.0,3.0", "negative ELBO,4,1.0,1.0");
    }

    @Test
    void longCurvesAreThinnedOnScreenButKeptWhole() {
        CurveFigure f = new CurveFigure("Loss", "loss");
        f.setSmoothing(0.9);
        f.beginBatch();
        int n = 20 * CurveFigure.SHOWN_MAX;
        for (int i = 1; i <= n; i++) {
            f.add("loss", i, 1.0 / i);
        }
        f.endBatch();
        assertThat(f.pointCount("loss")).isEqualTo(n);
        assertThat(f.shownCount("loss")).isBetween(CurveFigure.SHOWN_MAX / 2, CurveFigure.SHOWN_MAX);
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = 1.0 / (i + 1);
        }
        double[] e = Ema.smooth(xs, 0.9);
        assertThat(f.smoothed("loss")[n - 1][1]).isCloseTo(e[n - 1], within(1e-12));
        // the shown points are points of the curve
        org.jfree.data.xy.XYDataset d = f.chart().getXYPlot().getDataset();
        for (int i = 0; i < d.getItemCount(0); i++) {
            assertThat(d.getYValue(0, i)).isCloseTo(1.0 / d.getXValue(0, i), within(1e-15));
        }
    }

    @Test
    void logScaleMarkersAndSubtitle() {
        CurveFigure f = new CurveFigure("Loss", "loss");
        f.add("loss", 1, 100);
        f.add("loss", 2, 10);
        assertThat(f.chart().getXYPlot().getRangeAxis()).isInstanceOf(NumberAxis.class);
        f.setLogScale(true);
        assertThat(f.chart().getXYPlot().getRangeAxis()).isInstanceOf(LogAxis.class);
        f.setLogScale(false);
        assertThat(f.chart().getXYPlot().getRangeAxis()).isInstanceOf(NumberAxis.class);
        f.addMarker(2, "τ=0.5");
        assertThat(f.markerSteps()).containsExactly(2.0);
        f.setSubtitle("τ = 0.50");
        assertThat(f.subtitle()).isEqualTo("τ = 0.50");
        // raw and smoothed are two series, only the smoothed one in the legend
        assertThat(f.chart().getXYPlot().getDataset().getSeriesCount()).isEqualTo(2);
        assertThat(f.chart().getXYPlot().getLegendItems().getItemCount()).isEqualTo(1);
        f.clear();
        assertThat(f.totalPoints()).isZero();
        assertThat(f.markerSteps()).isEmpty();
    }

    @Test
    void aSnapshotDrawsWhatTheChartShowedAndIgnoresLaterChanges() {
        CurveFigure f = new CurveFigure("Loss", "loss");
        f.setSmoothing(0.5);
        f.beginBatch(); // as the view-model adds points
        for (int i = 0; i < 1500; i++) { // thinned: the snapshot must copy the shown points, not all of them
            f.add("loss (total)", i, 10.0 / (1 + i));
            f.add("task a", i, Math.sin(i / 50.0), true);
        }
        f.addMarker(700, "τ=2");
        f.setSubtitle("τ = 2.00");
        f.setLogScale(true);
        f.endBatch();
        Figure snap = f.snapshot();
        java.awt.image.BufferedImage before = pixels(f);
        f.beginBatch();
        f.add("loss (total)", 1500, 1e6); // a spike after the snapshot moves the live axis, not the snapshot's
        f.setLogScale(false);
        f.setSubtitle("");
        f.endBatch();
        assertThat(samePixels(pixels(snap), before)).isTrue();
        assertThat(samePixels(pixels(f), before)).isFalse();
    }

    @Test
    void hoverNamesTheCurveUnderThePointerByTheLastDrawnLayout() {
        CurveFigure f = new CurveFigure("Loss", "loss");
        f.beginBatch();
        for (int i = 0; i <= 100; i++) {
            f.add("low", i, 1);
            f.add("high", i, 9);
        }
        f.endBatch();
        assertThat(f.hover(new java.awt.geom.Rectangle2D.Double(0, 0, 500, 320), 250, 160)).isNull(); // nothing drawn yet
        pixels(f.snapshot());
        double lowY = -1;
        double highY = -1;
        for (int y = 0; y < 320; y++) {
            String h = f.hover(new java.awt.geom.Rectangle2D.Double(0, 0, 500, 320), 250, y);
            if (h != null && h.startsWith("low: 1.000 at step") && lowY < 0) {
                lowY = y;
            }
            if (h != null && h.startsWith("high: 9.000 at step") && highY < 0) {
                highY = y;
            }
        }
        assertThat(highY).isPositive();
        assertThat(lowY).isGreaterThan(highY + 100); // the lower value is drawn lower, far apart on a 320 px chart
        assertThat(f.hover(new java.awt.geom.Rectangle2D.Double(0, 0, 500, 320), 2, 2)).isNull(); // the title
    }

    private static java.awt.image.BufferedImage pixels(Figure f) {
        var img = new java.awt.image.BufferedImage(500, 320, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        var g = img.createGraphics();
        f.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, 500, 320));
        g.dispose();
        return img;
    }

    private static boolean samePixels(java.awt.image.BufferedImage a, java.awt.image.BufferedImage b) {
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }
}
