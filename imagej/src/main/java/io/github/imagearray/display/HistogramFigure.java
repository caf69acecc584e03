package io.github.imagearray.display;

import java.awt.Color;
import java.util.Locale;

import ij.ImagePlus;
import ij.gui.Plot;
import io.github.imagearray.stats.Histogram;
import io.github.imagearray.stats.Statistics;

/**
 * The histogram of an image as an ImageJ {@link Plot}: one bar per bin over the numpy edges, with
 * the statistics in two columns above the highest bar, where they hide none.
 * <p>
 * {@code ImagePlus plot = HistogramFigure.render(statistics, "ct");}
 */
public final class HistogramFigure {

	/** The highest bar reaches this fraction of the frame's height. */
	private static final double BARS_UP_TO = 0.7;

	private HistogramFigure() {
	}

	private static String number(final double v) {
		return String.format(Locale.ROOT, "%.6g", v);
	}

	/** @return the plot as an image, its x axis "value" */
	public static ImagePlus render(final Statistics s, final String title) {
		return render(s, title, null);
	}

	/**
	 * @param unit the unit of the values (a calibration's value unit), named on the x axis; or null
	 * @return the plot as an image
	 */
	public static ImagePlus render(final Statistics s, final String title, final String unit) {
		final Histogram h = s.histogram();
		final double[] edges = h.edges();
		final long[] counts = h.counts();
		final double[] x = new double[counts.length];
		final double[] y = new double[counts.length];
		for (int i = 0; i < counts.length; i++) {
			x[i] = (edges[i] + edges[i + 1]) / 2;
			y[i] = counts[i];
		}
		long highest = 1;
		for (final long c : counts)
			highest = Math.max(highest, c);
		final Plot plot = new Plot(title + " histogram", unit == null ? "value" : "value (" + unit + ")", "count");
		plot.setColor(new Color(0x7570b3), new Color(0x7570b3));
		plot.add("bar", x, y);
		// the bars stay below the top quarter of the frame, where the statistics are written
		plot.setLimits(edges[0], edges[edges.length - 1], 0, highest / BARS_UP_TO);
		plot.setColor(Color.BLACK);
		final String[] items = { "count " + s.count(), "mean " + number(s.mean()), "median " + number(s.median()),
			"std " + number(s.standardDeviation()), "skewness " + number(s.skewness()), "kurtosis " + number(s
				.kurtosis()), "min " + number(s.minimum()), "max " + number(s.maximum()) };
		for (int i = 0; i < items.length; i++)
			plot.addLabel(0.02 + 0.5 * (i % 2), 0.07 + 0.05 * (i / 2), items[i]);
		return plot.getImagePlus();
	}
}
