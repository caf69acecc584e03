/**
 * The statistics engine: {@link io.github.imagearray.stats.StatisticsCalculator} computes
 * {@link io.github.imagearray.stats.Statistics} (numpy/scipy definitions, exact median and
 * percentiles, {@code numpy.histogram}) of any ImgLib2 image of real values, in parallel over
 * fixed spans, reading array- and plane-backed images straight from their primitive arrays.
 */
package io.github.imagearray.stats;
