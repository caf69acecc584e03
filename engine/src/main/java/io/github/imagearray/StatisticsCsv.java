package io.github.imagearray;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import io.github.imagearray.stats.Statistics;

/**
 * vIQA's statistics CSV: a header {@code mean,median,variance,standarddev,skewness,kurtosis,minimum,maximum}
 * and one row of values in full round-trip precision, '.' as decimal separator whatever the
 * locale, non-finite values as Python writes them ({@code nan}, {@code inf}, {@code -inf}).
 * <p>
 * {@code StatisticsCsv.write(dir, "stats", statistics); // writes dir/stats.csv}
 */
public final class StatisticsCsv {

	/** The header line, without line break. */
	public static final String HEADER = String.join(",", Statistics.DESCRIBE_KEYS);

	private StatisticsCsv() {
	}

	/**
	 * @param directory an existing, writable directory
	 * @param filename the file name; ".csv" is appended unless it ends so (in any case)
	 * @return the file written, atomically
	 * @throws IOException naming the path when it cannot be written
	 */
	public static Path write(final Path directory, final String filename, final Statistics statistics)
		throws IOException
	{
		final Path file = directory.resolve(withExtension(filename));
		AtomicFiles.write(file, HEADER + "\n" + row(statistics.describe()) + "\n");
		return file;
	}

	/**
	 * @param filename a plain file name
	 * @return the name with ".csv" appended when missing
	 * @throws IllegalArgumentException for an empty name or one that contains a path separator
	 */
	public static String withExtension(final String filename) {
		if (filename.trim().isEmpty()) throw new IllegalArgumentException("The file name is empty.");
		if (filename.contains("/") || filename.contains("\\"))
			throw new IllegalArgumentException("The file name must not contain a path separator: " + filename);
		return filename.toLowerCase(Locale.ROOT).endsWith(".csv") ? filename : filename + ".csv";
	}

	/** @return the values of {@code describe} joined by commas, in order */
	public static String row(final Map<String, Double> values) {
		final StringBuilder row = new StringBuilder();
		for (final double v : values.values())
			row.append(row.length() == 0 ? "" : ",").append(format(v));
		return row.toString();
	}

	/** @return the shortest text that reads back as exactly {@code v}; nan, inf, -inf otherwise */
	public static String format(final double v) {
		if (Double.isNaN(v)) return "nan";
		if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
		return Double.toString(v);
	}
}
