package io.github.imagearray;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.imagearray.stats.Statistics;

/**
 * The JSON object of the {@code stats} command: counts, vIQA's statistics, percentiles (keyed "1",
 * "5", ... and "0.175" for those asked for beyond the six), histogram.
 * {@code Json.write(StatisticsJson.of(statistics))} is what {@code stats} prints.
 */
public final class StatisticsJson {

	private StatisticsJson() {
	}

	/** @return the fields of {@code s}, in the order {@code stats} writes them */
	public static Map<String, Object> of(final Statistics s) {
		final Map<String, Object> map = new LinkedHashMap<>();
		map.put("count", s.count());
		map.put("nan_count", s.nanCount());
		map.put("posinf_count", s.posInfCount());
		map.put("neginf_count", s.negInfCount());
		map.putAll(s.describe());
		final Map<String, Object> percentiles = new LinkedHashMap<>();
		for (final double p : s.percentileLevels())
			percentiles.put(BigDecimal.valueOf(p).stripTrailingZeros().toPlainString(), s.percentile(p));
		map.put("percentiles", percentiles);
		final Map<String, Object> histogram = new LinkedHashMap<>();
		histogram.put("counts", s.histogram().counts());
		histogram.put("edges", s.histogram().edges());
		map.put("histogram", histogram);
		return map;
	}

	/**
	 * @param group the file's group, or null for none
	 * @param statistics the file's statistics as {@link #of} gives them
	 * @return one file's object in a list of files: {@code file}, {@code group} (unless null),
	 *         {@code voxels}, then the statistics (the rows of the Spark application's
	 *         {@code files.json} and the lines of {@code stats} with several files)
	 */
	public static Map<String, Object> ofFile(final String file, final String group, final long voxels,
		final Map<String, Object> statistics)
	{
		final Map<String, Object> row = new LinkedHashMap<>();
		row.put("file", file);
		if (group != null) row.put("group", group);
		row.put("voxels", voxels);
		row.putAll(statistics);
		return row;
	}
}
