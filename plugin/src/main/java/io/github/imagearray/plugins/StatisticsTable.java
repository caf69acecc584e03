package io.github.imagearray.plugins;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import ij.measure.ResultsTable;
import io.github.imagearray.StatisticsCsv;
import io.github.imagearray.stats.Statistics;

/**
 * The ResultsTable "ImageArray Statistics": one row per measurement, a {@code Label} with the
 * image title and columns named like vIQA's CSV ({@code mean}, {@code median}, {@code variance},
 * {@code standarddev}, {@code skewness}, {@code kurtosis}, {@code minimum}, {@code maximum}), then
 * {@code count}, {@code nan_count} and {@code p1}, {@code p5}, {@code p25}, {@code p75},
 * {@code p95}, {@code p99}, and {@code unit}: the value unit of a calibrated image's calibration
 * (what ImageJ's Measure measures), or "raw" for its stored values. Values are stored at full
 * double precision.
 */
public final class StatisticsTable {

	/** The table's title. */
	public static final String TITLE = "ImageArray Statistics";

	private StatisticsTable() {
	}

	/**
	 * Adds one row for {@code label} to {@code table}.
	 *
	 * @param unit the unit of the values measured ({@link io.github.imagearray.bridge.ImagePlusImgs#valueUnit})
	 */
	public static void addRow(final ResultsTable table, final String label, final Statistics s, final String unit) {
		table.incrementCounter();
		table.addLabel(label);
		addValues(table, s, unit);
	}

	/** Adds the statistics' columns and the unit of their values to the current row of {@code table}. */
	public static void addValues(final ResultsTable table, final Statistics s, final String unit) {
		for (final Map.Entry<String, Double> e : s.describe().entrySet())
			table.addValue(e.getKey(), e.getValue());
		table.addValue("count", s.count());
		table.addValue("nan_count", s.nanCount());
		for (final double p : Statistics.PERCENTILES)
			table.addValue("p" + (int) p, s.percentile(p));
		table.addValue("unit", unit);
	}

	/** The columns that hold whole numbers, written without a decimal point. */
	private static final Set<String> WHOLE_NUMBERS = new HashSet<>(Arrays.asList("slice",
		"label", "count", "nan_count", "channel", "frame"));
	/** The columns that hold text. */
	private static final Set<String> TEXT = new HashSet<>(Arrays.asList("Label", "unit"));

	/**
	 * @return the table as CSV: a header of its column names, then one line per row, the values in
	 *         full round-trip precision (as {@link StatisticsCsv#format}), whatever the table shows
	 */
	public static String csv(final ResultsTable table) {
		final String[] headings = table.getHeadings();
		final StringBuilder csv = new StringBuilder(String.join(",", headings)).append('\n');
		for (int row = 0; row < table.size(); row++) {
			for (int c = 0; c < headings.length; c++) {
				final String h = headings[c];
				if (c > 0) csv.append(',');
				if (TEXT.contains(h)) csv.append(quoted(h.equals("Label") ? table.getLabel(row) : table.getStringValue(h,
					row)));
				else {
					final double v = table.getValue(h, row);
					csv.append(WHOLE_NUMBERS.contains(h) && v == Math.rint(v) ? Long.toString((long) v) : StatisticsCsv
						.format(v));
				}
			}
			csv.append('\n');
		}
		return csv.toString();
	}

	private static String quoted(final String text) {
		final String t = text == null ? "" : text;
		return t.matches("[^,\"\r\n]*") ? t : "\"" + t.replace("\"", "\"\"") + "\"";
	}

	/** @return the open table of this title, or a new one with 9 significant decimals shown */
	public static ResultsTable table() {
		final ResultsTable open = ResultsTable.getResultsTable(TITLE);
		if (open != null) return open;
		final ResultsTable table = new ResultsTable();
		table.setPrecision(9);
		return table;
	}
}
