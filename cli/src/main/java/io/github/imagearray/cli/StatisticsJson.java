package io.github.imagearray.cli;

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
}
