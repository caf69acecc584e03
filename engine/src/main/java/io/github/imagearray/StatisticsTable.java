package io.github.imagearray;

import java.util.Map;

import io.github.imagearray.stats.Statistics;

/**
 * A CSV table of many files' statistics, one row per file: the {@code files.csv} of the Spark
 * application's dataset mode and of {@code imagearray describe} with several files. Its columns:
 * {@code file}, {@code group} (when grouped), {@code voxels}, vIQA's columns ({@link StatisticsCsv#HEADER}),
 * {@code count}, {@code nan_count}, {@code posinf_count}, {@code neginf_count}, then the percentiles as
 * {@code p1}, {@code p5}, {@code p25}, {@code p75}, {@code p95}, {@code p99}. Numbers are written as
 * {@link StatisticsCsv#format} writes them; a field holding a comma, a quote or a line break is
 * quoted (RFC 4180).
 * <p>
 * {@code out.print(StatisticsTable.header(false) + StatisticsTable.row("ct.nii.gz", null, s.count(), StatisticsJson.of(s)));}
 */
public final class StatisticsTable {

	private static final String[] COUNTS = { "count", "nan_count", "posinf_count", "neginf_count" };

	private StatisticsTable() {
	}

	/**
	 * @param grouped whether the table has a {@code group} column after {@code file}
	 * @return the header line, with its line break
	 */
	public static String header(final boolean grouped) {
		return "file," + (grouped ? "group," : "") + "voxels," + statisticsColumns() + "\n";
	}

	/**
	 * @param file the file's name as the user gave or listed it
	 * @param group its group, or null for a table without groups
	 * @param voxels the voxels of the file
	 * @param statistics the file's statistics as {@link StatisticsJson#of} gives them, for the six
	 *          percentiles of {@link Statistics#PERCENTILES}
	 * @return the file's row, with its line break
	 */
	public static String row(final String file, final String group, final long voxels,
		final Map<String, Object> statistics)
	{
		return field(file) + (group == null ? "" : "," + field(group)) + "," + voxels + "," + values(statistics) + "\n";
	}

	/** The header of the list of files that could not be read, beside the table: {@code file,problem}. */
	public static final String UNREADABLE_HEADER = "file,problem\n";

	/**
	 * @param problem why the file could not be read, in one line
	 * @return the file's row in the list of files that could not be read, with its line break
	 */
	public static String unreadableRow(final String file, final String problem) {
		return field(file) + "," + field(problem) + "\n";
	}

	/** @return the statistics columns: vIQA's first, then the counts and the percentiles as p1, p5, ... */
	public static String statisticsColumns() {
		final StringBuilder columns = new StringBuilder(StatisticsCsv.HEADER);
		for (final String count : COUNTS)
			columns.append(',').append(count);
		for (final double p : Statistics.PERCENTILES)
			columns.append(",p").append((int) p);
		return columns.toString();
	}

	/**
	 * @param statistics as {@link StatisticsJson#of} gives them
	 * @return the values of {@link #statisticsColumns}, joined by commas
	 */
	@SuppressWarnings("unchecked")
	public static String values(final Map<String, Object> statistics) {
		final StringBuilder values = new StringBuilder();
		for (final String key : Statistics.DESCRIBE_KEYS)
			values.append(values.length() == 0 ? "" : ",").append(StatisticsCsv.format((Double) statistics.get(key)));
		for (final String key : COUNTS)
			values.append(',').append(statistics.get(key));
		for (final Object p : ((Map<String, Object>) statistics.get("percentiles")).values())
			values.append(',').append(StatisticsCsv.format((Double) p));
		return values.toString();
	}

	/** @return the text as one CSV field: quoted when it holds a comma, a quote or a line break */
	public static String field(final String text) {
		if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0)
			return text;
		return '"' + text.replace("\"", "\"\"") + '"';
	}
}
