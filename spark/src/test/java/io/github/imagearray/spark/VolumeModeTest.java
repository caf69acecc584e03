package io.github.imagearray.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.imagearray.Json;
import io.github.imagearray.StatisticsJson;
import io.github.imagearray.io.ImageFiles;
import io.github.imagearray.io.MetaElementType;
import io.github.imagearray.stats.Masks;
import io.github.imagearray.stats.SliceStatistics;
import io.github.imagearray.stats.StatisticsCalculator;
import io.github.imagearray.stats.StatisticsPlan;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/** Volume mode in Spark's local mode against {@code stats} on one machine, bit for bit. */
class VolumeModeTest {

	private static JavaSparkContext spark;

	@TempDir
	static Path dir;

	@BeforeAll
	static void start() {
		spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("VolumeModeTest").set(
			"spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1"));
	}

	@AfterAll
	static void stop() {
		spark.stop();
	}

	@ParameterizedTest
	@EnumSource(MetaElementType.class)
	void everyPixelTypeGivesTheBitsOfStatsWhateverThePartitions(final MetaElementType type) throws IOException {
		final Path file = SparkRuns.metaImage(dir, "every-" + type, type, "37 23 29", SparkRuns.values(type, 37 * 23 * 29,
			type.ordinal()));
		final String expected = SparkRuns.stats(file);
		for (final int partitions : new int[] { 1, 3, 17 }) {
			final SparkRuns.Run run = SparkRuns.run(spark, "volume", file.toString(), "--partitions", String.valueOf(
				partitions));
			assertEquals(0, run.status, run.toString());
			assertEquals(expected, run.out, type + " in " + partitions + " partitions");
		}
		assertTrue(expected.startsWith("{\"count\": "), expected);
	}

	@Test
	void float64DataThatNeedsFourPassesGivesTheBitsOfStats() throws IOException {
		// doubles a few units in the last place apart: their ranks are told apart only by the last digits
		final Random random = new Random(4);
		final double[] v = new double[128 * 128 * 16];
		for (int i = 0; i < v.length; i++)
			v[i] = Double.longBitsToDouble(Double.doubleToLongBits(1.0) + (random.nextLong() >>> 24));
		final Path file = SparkRuns.metaImage(dir, "narrow64", MetaElementType.MET_DOUBLE, "128 128 16", v);
		assertEquals(4, passes(ImageFiles.open(file)), "the case this test is for");
		final SparkRuns.Run run = SparkRuns.run(spark, "volume", file.toString(), "--partitions", "5");
		assertEquals(SparkRuns.stats(file), run.out, run.toString());
	}

	private static int passes(final RandomAccessibleInterval<? extends RealType<?>> image) {
		final StatisticsPlan plan = new StatisticsCalculator().plan(image);
		int passes = 0;
		while (!plan.isDone()) {
			plan.advance(plan.accumulate(image));
			passes++;
		}
		return passes;
	}

	@ParameterizedTest
	@ValueSource(strings = { "255", "0", "7" })
	void binsAndAMaskGiveTheBitsOfStats(final String bins) throws IOException {
		final int n = 40 * 30 * 20;
		final Path image = SparkRuns.metaImage(dir, "masked-" + bins, MetaElementType.MET_FLOAT, "40 30 20", SparkRuns
			.values(MetaElementType.MET_FLOAT, n, 11));
		final double[] inside = new double[n];
		final Random random = new Random(12);
		for (int i = 0; i < n; i++)
			inside[i] = random.nextInt(3) == 0 ? 0 : random.nextInt(4);
		final Path mask = SparkRuns.metaImage(dir, "mask-" + bins, MetaElementType.MET_UCHAR, "40 30 20", inside);
		final StatisticsCalculator calculator = new StatisticsCalculator().binsOrAutomatic(Integer.parseInt(bins));
		final String expected = SparkRuns.json(calculator.compute(ImageFiles.open(image), Masks.nonZero(ImageFiles.open(
			mask))));
		final SparkRuns.Run run = SparkRuns.run(spark, "volume", image.toString(), "--mask", mask.toString(), "--bins",
			bins, "--partitions", "3");
		assertEquals(expected, run.out, run.toString());
		final SparkRuns.Run whole = SparkRuns.run(spark, "volume", image.toString(), "--bins", bins);
		assertEquals(SparkRuns.json(calculator.compute(ImageFiles.open(image))), whole.out, whole.toString());
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 2 })
	void perSliceRowsAreThoseOfStats(final int axis) throws IOException {
		final Path file = SparkRuns.metaImage(dir, "slices" + axis, MetaElementType.MET_SHORT, "12 9 7", SparkRuns.values(
			MetaElementType.MET_SHORT, 12 * 9 * 7, 21));
		final Path mask = SparkRuns.metaImage(dir, "slice-mask" + axis, MetaElementType.MET_UCHAR, "12 9 7", SparkRuns
			.values(MetaElementType.MET_UCHAR, 12 * 9 * 7, 22));
		for (final boolean masked : new boolean[] { false, true }) {
			final StringBuilder expected = new StringBuilder("[");
			SliceStatistics.compute(ImageFiles.open(file), masked ? Masks.nonZero(ImageFiles.open(mask)) : null, axis,
				new StatisticsCalculator(), (slice, s) -> {
					final java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
					row.put("slice", slice);
					row.putAll(StatisticsJson.of(s));
					expected.append(expected.length() == 1 ? "" : ",\n ").append(Json.write(row));
				});
			expected.append("]\n");
			final SparkRuns.Run run = masked ? SparkRuns.run(spark, "volume", file.toString(), "--per-slice", "xyz"
				.substring(axis, axis + 1), "--mask", mask.toString(), "--partitions", "4") : SparkRuns.run(spark, "volume",
					file.toString(), "--per-slice", "xyz".substring(axis, axis + 1), "--partitions", "4");
			assertEquals(expected.toString(), run.out, run.toString());
		}
	}

	@Test
	void badInputIsOneLineAndItsStatus() throws IOException {
		final SparkRuns.Run missing = SparkRuns.run(spark, "volume", dir.resolve("none.mhd").toString());
		assertEquals(1, missing.status, missing.toString());
		assertTrue(missing.err.startsWith("imagearray: ") && missing.err.contains("none.mhd") && missing.err.trim()
			.indexOf('\n') < 0, missing.err);
		assertEquals("", missing.out);
		final Path file = SparkRuns.metaImage(dir, "small", MetaElementType.MET_UCHAR, "4 4 4", new double[64]);
		final Path other = SparkRuns.metaImage(dir, "other", MetaElementType.MET_UCHAR, "4 4 5", new double[80]);
		final SparkRuns.Run mask = SparkRuns.run(spark, "volume", file.toString(), "--mask", other.toString());
		assertEquals(1, mask.status, mask.toString());
		assertTrue(mask.err.contains("other.mhd"), mask.err);
		final SparkRuns.Run partitions = SparkRuns.run(spark, "volume", file.toString(), "--partitions", "-1");
		assertEquals(2, partitions.status);
		assertEquals("imagearray: volume: --partitions must be between 0 and 1048576 (0: four tasks per core), not -1.\n",
			partitions.err);
		final SparkRuns.Run axis = SparkRuns.run(spark, "volume", file.toString(), "--per-slice", "w");
		assertEquals(2, axis.status, axis.toString());
		final SparkRuns.Run hdfs = SparkRuns.run(spark, "volume", "hdfs://namenode/ct.mhd");
		assertEquals(1, hdfs.status, hdfs.toString());
		assertTrue(hdfs.err.contains("every executor sees"), hdfs.err);
		assertEquals(2, SparkRuns.run(spark, "slab", file.toString()).status);
		assertTrue(Files.exists(file));
	}
}
