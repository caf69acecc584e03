package io.github.imagearray.stats;

/**
 * Receives statistics one row at a time, as {@link SliceStatistics} and {@link LabelStatistics}
 * hand them over: the slice's index or the label's value, and its statistics.
 * <p>
 * {@code StatisticsRows print = (key, s) -> System.out.println(key + "\t" + s.median());}
 */
@FunctionalInterface
public interface StatisticsRows {

	/**
	 * @param key the slice's index along its axis (from 0) or the label's value
	 * @param statistics its statistics
	 */
	void accept(long key, Statistics statistics);
}
