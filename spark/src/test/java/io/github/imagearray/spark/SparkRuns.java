package io.github.imagearray.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.Random;

import org.apache.spark.api.java.JavaSparkContext;

import io.github.imagearray.Json;
import io.github.imagearray.StatisticsJson;
import io.github.imagearray.command.ExitStatus;
import io.github.imagearray.io.ImageFiles;
import io.github.imagearray.io.MetaElementType;
import io.github.imagearray.io.MetaImageFiles;
import io.github.imagearray.stats.Statistics;
import io.github.imagearray.stats.StatisticsCalculator;

/** Runs the application's commands on a Spark context, as spark-submit would, and makes volumes for them. */
final class SparkRuns {

	/** What a command printed and its exit status. */
	static final class Run {

		final int status;
		final String out;
		final String err;

		Run(final int status, final String out, final String err) {
			this.status = status;
			this.out = out;
			this.err = err;
		}

		@Override
		public String toString() {
			return "status " + status + ", out: " + out + ", err: " + err;
		}
	}

	private SparkRuns() {
	}

	static Run run(final JavaSparkContext spark, final String... args) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		try (PrintStream o = new PrintStream(out, true, "UTF-8"); PrintStream e = new PrintStream(err, true, "UTF-8")) {
			final int status = ExitStatus.of(e, () -> new ImageArraySpark(spark, o).run(args));
			return new Run(status, out.toString("UTF-8"), err.toString("UTF-8"));
		}
		catch (final UnsupportedEncodingException e) {
			throw new AssertionError(e);
		}
	}

	/** @return the JSON line that {@code stats FILE} prints: the statistics on this one machine */
	static String stats(final Path file) throws IOException {
		return json(new StatisticsCalculator().compute(ImageFiles.open(file)));
	}

	static String json(final Statistics statistics) {
		return Json.write(StatisticsJson.of(statistics)) + "\n";
	}

	/**
	 * @return voxel values that {@code type} holds, from a seeded generator: repeats, extremes of the
	 *         type, and for floats NaN, infinities, signed zeros and subnormals
	 */
	static double[] values(final MetaElementType type, final int n, final long seed) {
		final Random random = new Random(seed);
		final double[] v = new double[n];
		for (int i = 0; i < n; i++) {
			switch (type) {
				case MET_UCHAR:
					v[i] = random.nextInt(256);
					break;
				case MET_CHAR:
					v[i] = random.nextInt(256) - 128;
					break;
				case MET_USHORT:
					v[i] = random.nextInt(65536);
					break;
				case MET_SHORT:
					v[i] = random.nextInt(2000) - 1000;
					break;
				case MET_UINT:
					v[i] = random.nextInt() & 0xffffffffL;
					break;
				case MET_INT:
					v[i] = random.nextInt(1 << 20) - (1 << 19);
					break;
				case MET_LONG_LONG:
				case MET_ULONG_LONG:
					v[i] = (random.nextLong() >>> 12) * (type == MetaElementType.MET_LONG_LONG && random.nextBoolean() ? -1 : 1);
					break;
				default:
					v[i] = special(random, i).orElse(random.nextGaussian() * 100);
			}
		}
		return v;
	}

	private static OptionalDouble special(final Random random, final int i) {
		if (i % 997 == 5) return OptionalDouble.of(Double.NaN);
		if (i % 1999 == 7) return OptionalDouble.of(random.nextBoolean() ? Double.POSITIVE_INFINITY
			: Double.NEGATIVE_INFINITY);
		if (i % 389 == 3) return OptionalDouble.of(random.nextBoolean() ? 0.0 : -0.0);
		if (i % 733 == 1) return OptionalDouble.of(Float.MIN_VALUE * random.nextInt(50));
		if (i % 7 == 0) return OptionalDouble.of(Math.floor(random.nextGaussian() * 4));
		return OptionalDouble.empty();
	}

	/** Writes {@code name}.mhd and .raw of these voxels; returns the header's path. */
	static Path metaImage(final Path dir, final String name, final MetaElementType type, final String dims,
		final double[] values) throws IOException
	{
		return MetaImageFiles.write(dir, name, MetaImageFiles.header(type, dims, false, name), MetaImageFiles.bytes(type,
			values, ByteOrder.LITTLE_ENDIAN));
	}
}
