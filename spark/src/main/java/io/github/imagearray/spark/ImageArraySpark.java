package io.github.imagearray.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import io.github.imagearray.AtomicFiles;
import io.github.imagearray.Json;
import io.github.imagearray.StatisticsJson;
import io.github.imagearray.command.Arguments;
import io.github.imagearray.command.ExitStatus;
import io.github.imagearray.command.UsageException;
import io.github.imagearray.slices.Axis;
import io.github.imagearray.stats.StatisticsCalculator;

/**
 * ImageArray's exact statistics on Apache Spark, for {@code spark-submit}:
 * <pre>
 * spark-submit --master local[*] --class io.github.imagearray.spark.ImageArraySpark \
 *     spark/target/imagearray-spark.jar volume /data/ct.mhd --bins 255
 * spark-submit ... imagearray-spark.jar dataset /data/scans --out results --group-by 'site(\d+)'
 * </pre>
 * {@code volume} prints the JSON of {@code stats} for one large volume, read in slabs by the
 * executors; {@code dataset} writes a row per file and the pooled statistics of all files (and of
 * each group) to a directory. Errors are one line on standard error with exit status 1 (2 for a bad
 * command line), as on the command line.
 */
public final class ImageArraySpark {

	static final String USAGE = String.join("\n", //
		"usage: spark-submit [Spark options] imagearray-spark.jar COMMAND ...", //
		"  volume FILE [--bins N] [--mask MASK] [--per-slice x|y|z] [--partitions P] [--pattern GLOB] [--series UID]", //
		"      the statistics of one volume as JSON, as 'stats' prints them; the executors read it in slabs", //
		"      from a path they all see (a shared file system or file://)", //
		"  dataset INPUT... --out DIR [--group-by REGEX | --manifest CSV [--group-column NAME]] [--skip-unreadable]", //
		"          [--bins N] [--partitions P]", //
		"      files, directories (each entry a volume) or globs, on any Hadoop file system: writes to DIR", //
		"      files.csv and files.json (a row per file), pooled.json (all voxels of all files), groups.csv and", //
		"      groups.json (each group's voxels; the group is REGEX's first group, or its match, in the path,", //
		"      or the manifest's column), unreadable.csv (with --skip-unreadable); prints the paths written", //
		"  --partitions 0 (the default): four tasks per core; the results do not depend on it");

	private final JavaSparkContext spark;
	private final PrintStream out;

	ImageArraySpark(final JavaSparkContext spark, final PrintStream out) {
		this.spark = spark;
		this.out = out;
	}

	/** @param args the command and its options, as {@link #USAGE} lists them */
	public static void main(final String[] args) {
		final int status = ExitStatus.of(System.err, () -> {
			if (args.length == 0 || args[0].equals("--help")) {
				if (args.length == 0) throw new UsageException("no command given; --help lists the commands.");
				System.out.println(USAGE);
				return;
			}
			try (JavaSparkContext spark = new JavaSparkContext(new SparkConf().setAppName("ImageArray " + args[0]))) {
				new ImageArraySpark(spark, System.out).run(args);
			}
		});
		System.out.flush();
		if (status != 0) System.exit(status);
	}

	/** Runs one command on {@code spark}; a failed Spark job is an {@link IOException} naming its cause. */
	void run(final String[] args) throws IOException {
		try {
			final String[] rest = Arrays.copyOfRange(args, 1, args.length);
			if (args[0].equals("volume")) volume(new Arguments("volume", rest, "bins", "mask", "per-slice", "partitions",
				"pattern", "series"));
			else if (args[0].equals("dataset")) dataset(new Arguments("dataset", rest, "out", "group-by", "manifest",
				"group-column", "skip-unreadable", "bins", "partitions"));
			else throw new UsageException("unknown command '" + args[0] + "'; --help lists the commands.");
		}
		catch (final IOException | RuntimeException e) {
			throw e;
		}
		catch (final Exception e) {
			// a SparkException: a task failed more often than Spark retries; its cause says why
			throw new IOException("a Spark job failed: " + taskFailure(e), e);
		}
	}

	private static String taskFailure(final Throwable e) {
		Throwable cause = e;
		while (cause.getCause() != null && cause.getCause() != cause)
			cause = cause.getCause();
		if (cause != e) return cause.getMessage() == null ? cause.toString() : cause.getMessage();
		final String message = String.valueOf(e.getMessage());
		final int line = message.indexOf('\n');
		return line < 0 ? message : message.substring(0, line);
	}

	private static int bins(final Arguments a) {
		return a.integer("bins", 0, 0, StatisticsCalculator.MAX_BINS, " (0: automatic)");
	}

	private static int partitions(final Arguments a) {
		return a.integer("partitions", 0, 0, 1 << 20, " (0: four tasks per core)");
	}

	private void volume(final Arguments a) throws IOException {
		final VolumeFile image = new VolumeFile(a.single("volume file"), a.option("pattern", null), a.option("series",
			null));
		final VolumeFile mask = a.has("mask") ? new VolumeFile(a.option("mask", ""), null, null) : null;
		final VolumeJob job = new VolumeJob(spark, image, mask, bins(a), partitions(a));
		if (!a.has("per-slice")) {
			out.println(Json.write(StatisticsJson.of(job.statistics())));
			return;
		}
		final int axis;
		try {
			axis = Axis.named(a.option("per-slice", ""), "volume: --per-slice").dimension();
		}
		catch (final IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
		final Json.Items rows = new Json.Items(out);
		job.sliceRows(axis, (slice, statistics) -> {
			final Map<String, Object> row = new LinkedHashMap<>();
			row.put("slice", slice);
			row.putAll(statistics);
			rows.add(row);
		});
		rows.end();
	}

	private void dataset(final Arguments a) throws IOException {
		if (!a.has("out")) throw new UsageException("dataset needs --out DIR.");
		if (a.has("group-by") && a.has("manifest")) throw new UsageException(
			"dataset: --group-by and --manifest are two ways to group; give one.");
		if (a.has("group-column") && !a.has("manifest")) throw new UsageException(
			"dataset: --group-column names a column of --manifest CSV.");
		final Path dir = Paths.get(a.option("out", "")).toAbsolutePath();
		AtomicFiles.checkDirectory(dir);
		final Map<String, String> manifestGroups = a.has("manifest") ? Manifest.read(Paths.get(a.option("manifest", "")),
			a.option("group-column", null)) : null;
		final List<String> inputs = a.positional();
		if (manifestGroups != null && !inputs.isEmpty()) throw new UsageException(
			"dataset: the files come from --manifest or from the arguments, not both.");
		if (manifestGroups == null && inputs.isEmpty()) throw new UsageException(
			"dataset takes files, directories or globs (or --manifest CSV).");
		final List<String> files = manifestGroups != null ? new ArrayList<>(manifestGroups.keySet()) : DatasetFiles.list(
			inputs, spark.hadoopConfiguration());
		final Pattern groupBy = a.has("group-by") ? pattern(a.option("group-by", "")) : null;
		new DatasetRun(spark, dir, bins(a), partitions(a), a.flag("skip-unreadable"), out).run(files, groupBy == null
			? manifestGroups == null || !a.has("group-column") ? null : manifestGroups : groups(files, groupBy));
	}

	private static Pattern pattern(final String regex) {
		try {
			return Pattern.compile(regex);
		}
		catch (final PatternSyntaxException e) {
			throw new UsageException("dataset: --group-by '" + regex + "' is not a regular expression: " + e
				.getDescription() + ".");
		}
	}

	/** @return each file's group: the first group of the pattern's first match in its path, or the match */
	static Map<String, String> groups(final List<String> files, final Pattern groupBy) {
		final Map<String, String> groups = new LinkedHashMap<>();
		for (final String file : files) {
			final Matcher m = groupBy.matcher(file);
			if (!m.find()) throw new IllegalArgumentException(file + " does not match --group-by " + groupBy.pattern() +
				".");
			groups.put(file, m.groupCount() > 0 && m.group(1) != null ? m.group(1) : m.group());
		}
		return groups;
	}

	/** Writes {@code text} to {@code name} in {@code dir} and prints the path. */
	static void write(final Path dir, final String name, final String text, final PrintStream out) throws IOException {
		AtomicFiles.write(dir.resolve(name), text);
		out.println(dir.resolve(name));
	}
}
