package io.github.imagearray.display;

import java.awt.Color;
import java.util.Locale;

import ij.ImagePlus;
import ij.gui.Plot;
import io.github.imagearray.stats.Histogram;
import io.github.imagearray.stats.Statistics;

/**
 * The histogram of an image as an ImageJ {@link Plot}: one bar per bin over the numpy edges, with
 * the statistics printed on the plot.
 * <p>
 * {@code ImagePlus plot = HistogramFigure.render(statistics, "ct");}
 */
public final class HistogramFigure {

	private HistogramFigure() {
	}

	/** @return the plot as an image */
	public static ImagePlus render(final Statistics s, final String title) {
		final Histogram h = s.histogram();
		final double[] edges = h.edges();
		final long[] counts = h.counts();
		final double[] x = new double[counts.length];
		final double[] y = new double[counts.length];
		for (int i = 0; i < counts.length; i++) {
			x[i] = (edges[i] + edges[i + 1]) / 2;
			y[i] = counts[i];
		}
		final Plot plot = new Plot(title + " histogram", "value", "count");
		plot.setColor(new Color(0x7570b3), new Color(0x7570b3));
		plot.add("bar", x, y);
		plot.setLimits(edges[0], edges[edges.length - 1], 0, Double.NaN);
		plot.setColor(Color.BLACK);
		plot.addLabel(0.6, 0.1, String.format(Locale.ROOT,
			"count %d%nmean %.6g%nmedian %.6g%nstd %.6g%nskewness %.4g%nkurtosis %.4g%nmin %.6g%nmax %.6g", s.count(), s
				.mean(), s.median(), s.standardDeviation(), s.skewness(), s.kurtosis(), s.minimum(), s.maximum()));
		return plot.getImagePlus();
	}
}
