/**
 * The statistics engine: {@link io.github.imagearray.stats.StatisticsCalculator} computes
 * {@link io.github.imagearray.stats.Statistics} (numpy/scipy definitions, exact median and
 * percentiles, {@code numpy.histogram}) of any ImgLib2 image of real values, in parallel over
 * fixed spans, reading array- and plane-backed images straight from their primitive arrays. It
 * drives a {@link io.github.imagearray.stats.StatisticsPlan}: one pass for 8- and 16-bit
 * integers, two (rarely four) for other types, each filling mergeable accumulators that
 * {@link io.github.imagearray.stats.PartialStatistics} carries between processes.
 */
package io.github.imagearray.stats;
