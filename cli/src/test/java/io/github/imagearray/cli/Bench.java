package io.github.imagearray.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.nio.file.Paths;
import java.util.Map;

import io.github.imagearray.Json;
import io.github.imagearray.command.Arguments;
import io.github.imagearray.command.ExitStatus;
import io.github.imagearray.command.UsageException;

/**
 * The benchmarks, outside the production jar: run from a build (the test classes beside the
 * command-line jar), they time the statistics against a plain read of the same voxels, ImageJ's
 * {@code StackStatistics} and, with {@code --viqa}, vIQA's numpy/scipy statistics, and print one
 * JSON object.
 * <p>
 * {@code java -cp cli/target/imagearray-cli.jar:cli/target/test-classes io.github.imagearray.cli.Bench --data ct-air --runs 9}
 */
public final class Bench {

	static final String USAGE = String.join("\n", //
		"Usage: java -cp cli/target/imagearray-cli.jar:cli/target/test-classes io.github.imagearray.cli.Bench ...", //
		"  [--size N] [--type uint8|uint16|float32] [--data phantom|ct-air|outliers|narrow|lognormal]", //
		"  [--threads T] [--runs R] [--viqa R [--python PY]]", //
		"                        time the statistics against a plain read of the voxels, ImageJ's", //
		"                        StackStatistics and (--viqa) R runs of vIQA's numpy/scipy statistics", //
		"                        in Python (python3 with numpy and scipy)", //
		"  --labels L [--size N] [--type ...]   per-label statistics of L block labels against the whole image", //
		"  --file FILE [--threads T] [--runs R] the same for an image file, read as it streams (MetaImage:", //
		"                        against a sequential read of its data; others: every plane decoded alone)", //
		"  --redraw [--size N] [--type ...] [--runs R]  redraws of the orthogonal-slice window, each at a new", //
		"                        position, against a plain read of the same three slices (milliseconds)");

	private Bench() {
	}

	public static void main(final String[] args) throws UnsupportedEncodingException {
		System.setProperty("java.awt.headless", "true");
		System.exit(run(args, new PrintStream(System.out, true, "UTF-8"), System.err));
	}

	/** Runs the benchmark the arguments ask for; returns the exit status, as {@link Main#run}. */
	static int run(final String[] args, final PrintStream out, final PrintStream err) {
		return ExitStatus.of(err, () -> {
			if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) out.println(USAGE);
			else out.println(Json.write(result(new Arguments("bench", args, "size", "type", "data", "threads", "runs",
				"file", "labels", "viqa", "python", "redraw"))));
			out.flush();
		});
	}

	private static Map<String, Object> result(final Arguments a) throws IOException {
		a.noPositional();
		if (a.has("python") && !a.has("viqa")) throw new UsageException("bench: --python goes with --viqa.");
		for (final String option : new String[] { "viqa", "data" })
			if (a.has(option) && (a.has("labels") || a.has("file"))) throw new UsageException("bench: --" + option +
				" goes with the generated volume, not with --labels or --file.");
		final int threads = a.integer("threads", Runtime.getRuntime().availableProcessors(), 1, 1024);
		final int runs = a.integer("runs", 5, 1, 1000);
		if (a.has("file")) return Benchmark.runFile(Paths.get(a.option("file", "")), threads, runs);
		final int size = a.integer("size", 512, 8, 2048);
		final Phantom.Type type = Phantom.Type.parse(a.option("type", "float32"));
		if (a.flag("redraw")) return Benchmark.runRedraw(type, size, runs);
		if (a.has("labels")) return Benchmark.runLabels(type, size, threads, runs, a.integer("labels", 1000, 1, 1 << 20));
		return Benchmark.run(type, Phantom.Data.parse(a.option("data", "phantom")), size, threads, runs, a.integer(
			"viqa", 0, 0, 100), a.option("python", "python3"));
	}
}
