/**
 * ImageArray: images that carry exact whole-image statistics, after vIQA's {@code ImageArray}.
 * {@link io.github.imagearray.ImageArray} wraps any ImgLib2 image;
 * {@link io.github.imagearray.StatisticsCsv} writes vIQA's statistics CSV, atomically through
 * {@link io.github.imagearray.AtomicFiles}. Together with {@code stats} this is the core: it
 * imports only ImgLib2 and the JDK.
 */
package io.github.imagearray;
