package io.github.imagearray.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Map;

import io.github.imagearray.StatisticsCsv;
import io.github.imagearray.stats.Histogram;
import io.github.imagearray.stats.Statistics;

/**
 * Statistics as a person reads them in a terminal: vIQA's statistics and the percentiles as a
 * small table (10 significant digits; JSON and CSV keep full precision) and the histogram in a
 * dozen lines of bars.
 * <p>
 * {@code System.out.print(StatisticsText.of(statistics));}
 */
final class StatisticsText {

	private static final int HISTOGRAM_LINES = 12;
	private static final int BAR = 40;

	private StatisticsText() {
	}

	static String of(final Statistics s) {
		final StringBuilder t = new StringBuilder();
		t.append(String.format(Locale.ROOT, "  %-13s %,d%s%n", "voxels", s.count(), s.nanCount() > 0 ? String.format(
			Locale.ROOT, " (and %,d NaN, left out)", s.nanCount()) : ""));
		for (final Map.Entry<String, Double> e : s.describe().entrySet())
			t.append(String.format(Locale.ROOT, "  %-13s %s%n", e.getKey(), number(e.getValue())));
		final StringBuilder p = new StringBuilder();
		for (final double percentile : Statistics.PERCENTILES)
			p.append(p.length() == 0 ? "" : "  ").append("p").append((int) percentile).append(' ').append(number(s
				.percentile(percentile)));
		t.append(String.format(Locale.ROOT, "  %-13s %s%n", "percentiles", p));
		return t.append(histogram(s.histogram())).toString();
	}

	/** @return the histogram's bins merged into about a dozen lines, each with its range, count and bar */
	static String histogram(final Histogram h) {
		final long[] counts = h.counts();
		final double[] edges = h.edges();
		final int lines = Math.min(HISTOGRAM_LINES, counts.length);
		final long[] merged = new long[lines];
		long most = 1;
		for (int line = 0; line < lines; line++) {
			for (int b = first(line, lines, counts.length); b < first(line + 1, lines, counts.length); b++)
				merged[line] += counts[b];
			most = Math.max(most, merged[line]);
		}
		final StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%n  histogram: %d bins over [%s, %s]%s%n",
			counts.length, number(edges[0]), number(edges[edges.length - 1]), lines < counts.length ? ", in " + lines +
				" groups" : ""));
		for (int line = 0; line < lines; line++) {
			final int from = first(line, lines, counts.length), to = first(line + 1, lines, counts.length);
			final int bar = (int) Math.round((double) BAR * merged[line] / most);
			t.append(String.format(Locale.ROOT, "  %12s .. %-12s %,14d  %s%n", number(edges[from], 6), number(
				edges[to], 6), merged[line], repeat('#', bar)));
		}
		return t.toString();
	}

	private static int first(final int line, final int lines, final int bins) {
		return (int) ((long) line * bins / lines);
	}

	/** @return {@code v} to 10 significant digits, without trailing zeros */
	static String number(final double v) {
		return number(v, 10);
	}

	private static String number(final double v, final int digits) {
		if (!Double.isFinite(v)) return StatisticsCsv.format(v);
		if (v == 0) return "0";
		final BigDecimal d = new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros();
		final double magnitude = Math.abs(v);
		return magnitude >= 1e-4 && magnitude < 1e10 ? d.toPlainString() : d.toString();
	}

	private static String repeat(final char c, final int n) {
		final StringBuilder b = new StringBuilder(n);
		for (int i = 0; i < n; i++)
			b.append(c);
		return b.toString();
	}
}
