package io.github.imagearray.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import io.github.imagearray.io.ImageFiles;
import io.github.imagearray.io.MetaElementType;
import io.github.imagearray.stats.StatisticsCalculator;

/**
 * Spark local[2] against {@code stats} (2 threads) on the same file, alternating in one JVM, and the
 * dataset mode's throughput over 100 small volumes:
 * {@code java -cp <spark classpath> io.github.imagearray.spark.SparkBench FILE.mhd RUNS DATASET_DIR}.
 * Prints each pair and the medians; the Spark context is started once, before the runs.
 */
public final class SparkBench {

	private SparkBench() {
	}

	public static void main(final String[] args) throws Exception {
		final Path file = Paths.get(args[0]);
		final int runs = Integer.parseInt(args[1]);
		final Path data = Paths.get(args[2]);
		try (JavaSparkContext spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("bench")
			.set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")))
		{
			final double[] stats = new double[runs], cluster = new double[runs], ratio = new double[runs];
			for (int r = -1; r < runs; r++) {
				long t = System.nanoTime();
				final String one = SparkRuns.json(new StatisticsCalculator().threads(2).compute(ImageFiles.open(file)));
				final double s = (System.nanoTime() - t) / 1e9;
				t = System.nanoTime();
				final SparkRuns.Run run = SparkRuns.run(spark, "volume", file.toString());
				final double c = (System.nanoTime() - t) / 1e9;
				if (!run.out.equals(one)) throw new AssertionError("different results: " + run);
				if (r < 0) continue; // warm-up
				stats[r] = s;
				cluster[r] = c;
				ratio[r] = c / s;
				System.out.printf("pair %d: stats %.3f s, spark %.3f s, ratio %.2f%n", r, s, c, c / s);
			}
			System.out.printf("stats %s, spark %s, ratio %s (median, min-max)%n", median(stats), median(cluster), median(
				ratio));
			Files.createDirectories(data);
			for (int k = 0; k < 100; k++)
				SparkRuns.metaImage(data, String.format("vol%03d", k), MetaElementType.MET_FLOAT, "64 64 64", SparkRuns
					.values(MetaElementType.MET_FLOAT, 64 * 64 * 64, k));
			final Path out = Files.createDirectories(data.resolve("out"));
			final double[] perSecond = new double[runs];
			for (int r = -1; r < runs; r++) {
				final long t = System.nanoTime();
				final SparkRuns.Run run = SparkRuns.run(spark, "dataset", data + "/*.mhd", "--out", out.toString());
				if (run.status != 0) throw new AssertionError(run.toString());
				if (r >= 0) perSecond[r] = 100 / ((System.nanoTime() - t) / 1e9);
			}
			System.out.printf("dataset of 100 volumes of 64^3 float32: %s volumes per second%n", median(perSecond));
		}
	}

	private static String median(final double[] values) {
		final double[] v = values.clone();
		Arrays.sort(v);
		return String.format("%.3f (%.3f-%.3f)", v[v.length / 2], v[0], v[v.length - 1]);
	}
}
