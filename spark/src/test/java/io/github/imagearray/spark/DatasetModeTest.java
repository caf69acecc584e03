package io.github.imagearray.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.imagearray.Json;
import io.github.imagearray.StatisticsJson;
import io.github.imagearray.StatisticsTable;
import io.github.imagearray.io.ImageFiles;
import io.github.imagearray.io.MetaElementType;
import io.github.imagearray.stats.Statistics;
import io.github.imagearray.stats.StatisticsCalculator;

/**
 * Dataset mode in Spark's local mode: each file's row is {@code stats} of it, and the pooled and group
 * statistics are those of the concatenated voxels on one machine, bit for bit.
 */
class DatasetModeTest {

	private static JavaSparkContext spark;

	@TempDir
	static Path dir;

	@BeforeAll
	static void start() {
		spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("DatasetModeTest").set(
			"spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1"));
	}

	@AfterAll
	static void stop() {
		spark.stop();
	}

	/** A dataset's files and their voxels. */
	private static final class Dataset {

		final List<Path> files = new ArrayList<>();
		final List<double[]> voxels = new ArrayList<>();

		Path add(final Path dir, final String name, final MetaElementType type, final int depth, final long seed)
			throws IOException
		{
			final double[] v = SparkRuns.values(type, 8 * 8 * depth, seed);
			if (type == MetaElementType.MET_FLOAT) for (int i = 0; i < v.length; i++)
				v[i] = (float) v[i];
			final Path file = SparkRuns.metaImage(dir, name, type, "8 8 " + depth, v);
			files.add(file);
			voxels.add(v);
			return file;
		}

		/**
		 * @return one file that holds the voxels of the files whose names contain {@code part}, their
		 *         planes concatenated along z
		 */
		Path concatenated(final String part, final MetaElementType as) throws IOException {
			final List<Double> all = new ArrayList<>();
			for (int i = 0; i < files.size(); i++)
				if (files.get(i).getFileName().toString().contains(part)) for (final double v : voxels.get(i))
					all.add(v);
			final double[] v = all.stream().mapToDouble(Double::doubleValue).toArray();
			return SparkRuns.metaImage(Files.createTempDirectory(dir, "concatenated"), "all", as, "8 8 " + v.length / 64, v);
		}

		long voxels(final String part) {
			long n = 0;
			for (int i = 0; i < files.size(); i++)
				if (files.get(i).getFileName().toString().contains(part)) n += voxels.get(i).length;
			return n;
		}

		long count(final String part) {
			return files.stream().filter(f -> f.getFileName().toString().contains(part)).count();
		}
	}

	/** @return the JSON of pooled statistics: the files and voxels counted, then {@code stats} JSON */
	private static String pooledJson(final String key, final long files, final long voxels, final String stats) {
		return "{\"" + key + "\": " + files + ", \"voxels\": " + voxels + ", " + stats.substring(1);
	}

	private static String read(final Path file) throws IOException {
		return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
	}

	@Test
	void rowsPooledAndGroupsAreTheStatisticsOfTheirVoxels() throws IOException {
		final Path data = Files.createDirectories(dir.resolve("scans"));
		final Dataset dataset = new Dataset();
		for (int k = 0; k < 12; k++)
			dataset.add(data, (k % 3 == 0 ? "siteA" : "siteB") + "_scan" + (char) ('a' + k), MetaElementType.MET_SHORT, 3 +
				k % 4, 100 + k);
		final Path out = Files.createDirectories(dir.resolve("out"));
		final SparkRuns.Run run = SparkRuns.run(spark, "dataset", data.toString(), "--out", out.toString(), "--group-by",
			"site(.)_", "--partitions", "5");
		assertEquals(0, run.status, run.toString());
		assertEquals(Arrays.asList("files.json", "files.csv", "pooled.json", "groups.json", "groups.csv"), names(run.out));
		assertEquals(pooledJson("files", 12, dataset.voxels(""), SparkRuns.stats(dataset.concatenated("",
			MetaElementType.MET_SHORT))), read(out.resolve("pooled.json")));
		final StringBuilder groups = new StringBuilder("[");
		final StringBuilder groupsCsv = new StringBuilder("group,files,voxels," + StatisticsTable.statisticsColumns() +
			"\n");
		for (final String group : new String[] { "A", "B" }) {
			final Path all = dataset.concatenated("site" + group, MetaElementType.MET_SHORT);
			final long files = dataset.count("site" + group), voxels = dataset.voxels("site" + group);
			groups.append(group.equals("A") ? "{" : ",\n {").append("\"group\": \"").append(group).append("\", ").append(
				pooledJson("files", files, voxels, SparkRuns.stats(all)).substring(1).trim());
			groupsCsv.append(group).append(',').append(files).append(',').append(voxels).append(',').append(StatisticsTable
				.values(StatisticsJson.of(new StatisticsCalculator().compute(ImageFiles.open(all))))).append('\n');
		}
		assertEquals(groups + "]\n", read(out.resolve("groups.json")));
		assertEquals(groupsCsv.toString(), read(out.resolve("groups.csv")));
		// the rows: each file's stats, the files in the order of their names
		final StringBuilder csv = new StringBuilder("file,group,voxels," + StatisticsTable.statisticsColumns() + "\n");
		final StringBuilder json = new StringBuilder("[");
		final List<Path> byName = new ArrayList<>(dataset.files);
		byName.sort(null);
		for (final Path file : byName) {
			final Statistics s = new StatisticsCalculator().compute(ImageFiles.open(file));
			final String group = file.getFileName().toString().substring(4, 5);
			final long voxels = dataset.voxels.get(dataset.files.indexOf(file)).length;
			csv.append(file).append(',').append(group).append(',').append(voxels).append(',').append(StatisticsTable.values(
				StatisticsJson.of(s))).append('\n');
			final Map<String, Object> row = new LinkedHashMap<>();
			row.put("file", file.toString());
			row.put("group", group);
			row.put("voxels", voxels);
			row.putAll(StatisticsJson.of(s));
			json.append(json.length() == 1 ? "" : ",\n ").append(Json.write(row));
		}
		assertEquals(csv.toString(), read(out.resolve("files.csv")));
		assertEquals(json + "]\n", read(out.resolve("files.json")));
		// the same bits in any number of tasks
		for (final String partitions : new String[] { "1", "3", "17" }) {
			final Path again = Files.createDirectories(dir.resolve("out" + partitions));
			assertEquals(0, SparkRuns.run(spark, "dataset", data.toString(), "--out", again.toString(), "--group-by",
				"site(.)_", "--partitions", partitions).status);
			for (final String name : new String[] { "files.csv", "files.json", "pooled.json", "groups.json" })
				assertEquals(read(out.resolve(name)), read(again.resolve(name)), name + " in " + partitions + " partitions");
		}
	}

	private static List<String> names(final String printed) {
		final List<String> names = new ArrayList<>();
		for (final String line : printed.split("\n"))
			names.add(line.substring(line.lastIndexOf('/') + 1));
		return names;
	}

	@Test
	void filesOfDifferentTypesArePooledAsFloat64AndGlobsAndManifestsChooseFiles() throws IOException {
		final Path data = Files.createDirectories(dir.resolve("mixed"));
		final Dataset dataset = new Dataset();
		for (int k = 0; k < 6; k++)
			dataset.add(data, (k < 3 ? "u8-" : "f32-") + k, k < 3 ? MetaElementType.MET_UCHAR : MetaElementType.MET_FLOAT,
				2 + k, 200 + k);
		final Path out = Files.createDirectories(dir.resolve("mixed-out"));
		final SparkRuns.Run run = SparkRuns.run(spark, "dataset", data + "/*.mhd", "--out", out.toString());
		assertEquals(0, run.status, run.toString());
		assertEquals(pooledJson("files", 6, dataset.voxels(""), SparkRuns.stats(dataset.concatenated("",
			MetaElementType.MET_DOUBLE))), read(out.resolve("pooled.json")));
		assertFalse(Files.exists(out.resolve("groups.json")));
		final SparkRuns.Run some = SparkRuns.run(spark, "dataset", data + "/f32-*.mhd", "--out", out.toString());
		assertEquals(0, some.status, some.toString());
		assertEquals(pooledJson("files", 3, dataset.voxels("f32-"), SparkRuns.stats(dataset.concatenated("f32-",
			MetaElementType.MET_FLOAT))), read(out.resolve("pooled.json")));
		// a manifest: relative paths, a quoted field, groups from a column
		final Path manifest = data.resolve("manifest.csv");
		Files.write(manifest, ("id,file,\"kind, of data\"\n1,u8-0.mhd,bytes\n2,f32-4.mhd,floats\n3,u8-2.mhd,bytes\n")
			.getBytes(StandardCharsets.UTF_8));
		final SparkRuns.Run listed = SparkRuns.run(spark, "dataset", "--manifest", manifest.toString(), "--group-column",
			"kind, of data", "--out", out.toString());
		assertEquals(0, listed.status, listed.toString());
		final String groups = read(out.resolve("groups.csv"));
		assertTrue(groups.startsWith("group,files,voxels,mean,"), groups);
		assertTrue(groups.contains("\nbytes,2," + (dataset.voxels("u8-0") + dataset.voxels("u8-2")) + ","), groups);
		assertTrue(groups.contains("\nfloats,1," + dataset.voxels("f32-4") + ","), groups);
		assertTrue(read(out.resolve("files.csv")).split("\n")[1].startsWith(data.resolve("u8-0.mhd") + ",bytes,"));
	}

	@Test
	void unreadableFilesFailTheRunNamingTheFileOrAreListed() throws IOException {
		final Path data = Files.createDirectories(dir.resolve("broken"));
		final Dataset dataset = new Dataset();
		dataset.add(data, "good-1", MetaElementType.MET_USHORT, 4, 300);
		final Path broken = dataset.add(data, "bad", MetaElementType.MET_USHORT, 4, 301);
		dataset.add(data, "good-2", MetaElementType.MET_USHORT, 5, 302);
		// half of the data file is gone
		final Path raw = data.resolve("bad.raw");
		Files.write(raw, Arrays.copyOf(Files.readAllBytes(raw), 100));
		final Path out = Files.createDirectories(dir.resolve("broken-out"));
		final SparkRuns.Run failed = SparkRuns.run(spark, "dataset", data.toString(), "--out", out.toString());
		assertEquals(1, failed.status, failed.toString());
		assertTrue(failed.err.startsWith("imagearray: " + broken + ": ") && failed.err.endsWith(
			"(--skip-unreadable lists such files and goes on)\n"), failed.err);
		assertEquals("", failed.out);
		assertEquals(0, Files.list(out).count(), "nothing written");
		final SparkRuns.Run skipped = SparkRuns.run(spark, "dataset", data.toString(), "--out", out.toString(),
			"--skip-unreadable");
		assertEquals(0, skipped.status, skipped.toString());
		final String unreadable = read(out.resolve("unreadable.csv"));
		assertTrue(unreadable.startsWith("file,problem\n" + broken + ","), unreadable);
		assertEquals(2, unreadable.split("\n").length, unreadable);
		final Dataset good = new Dataset();
		for (final int i : new int[] { 0, 2 }) {
			good.files.add(dataset.files.get(i));
			good.voxels.add(dataset.voxels.get(i));
		}
		assertEquals(pooledJson("files", 2, 576, SparkRuns.stats(good.concatenated("", MetaElementType.MET_USHORT))), read(
			out.resolve("pooled.json")));
	}

	@Test
	void badCommandLinesAndUnpoolableTypesAreOneLine() throws IOException {
		final Path data = Files.createDirectories(dir.resolve("wide"));
		final Dataset dataset = new Dataset();
		final Path wide = dataset.add(data, "a-long", MetaElementType.MET_LONG_LONG, 2, 400);
		dataset.add(data, "b-short", MetaElementType.MET_SHORT, 2, 401);
		final Path out = Files.createDirectories(dir.resolve("wide-out"));
		final SparkRuns.Run mixed = SparkRuns.run(spark, "dataset", data.toString(), "--out", out.toString());
		assertEquals(1, mixed.status, mixed.toString());
		assertTrue(mixed.err.startsWith("imagearray: Cannot pool " + wide + " (64-bit integers) with "), mixed.err);
		assertEquals(2, SparkRuns.run(spark, "dataset", data.toString()).status);
		assertEquals("imagearray: dataset: --group-by '(' is not a regular expression: Unclosed group.\n", SparkRuns.run(
			spark, "dataset", data.toString(), "--out", out.toString(), "--group-by", "(").err);
		final SparkRuns.Run unmatched = SparkRuns.run(spark, "dataset", data.toString(), "--out", out.toString(),
			"--group-by", "site\\d");
		assertEquals(1, unmatched.status);
		assertEquals("imagearray: " + wide + " does not match --group-by site\\d.\n", unmatched.err);
		final SparkRuns.Run none = SparkRuns.run(spark, "dataset", data + "/nothing*.mhd", "--out", out.toString());
		assertEquals(1, none.status);
		assertEquals("imagearray: No such file or directory: " + data + "/nothing*.mhd\n", none.err);
		assertEquals(2, SparkRuns.run(spark, "dataset", data.toString(), "--out", out.toString(), "--group-column", "x")
			.status);
		assertEquals(1, SparkRuns.run(spark, "dataset", data.toString(), "--out", dir.resolve("missing").toString())
			.status);
		assertEquals(0, Files.list(out).count(), "nothing written");
	}
}
