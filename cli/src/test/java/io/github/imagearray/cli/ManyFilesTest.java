package io.github.imagearray.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.imagearray.ReferenceFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * stats and describe on many files in one run, against numpy's statistics of scans nibabel wrote
 * (write_scans.py) and against the same command on each file alone.
 */
class ManyFilesTest {

	/** The columns of the table, spelled out: the contract of the Spark application's files.csv. */
	private static final String COLUMNS = "file,voxels,mean,median,variance,standarddev,skewness,kurtosis,minimum," +
		"maximum,count,nan_count,posinf_count,neginf_count,p1,p5,p25,p75,p95,p99";

	@TempDir
	static Path scans;
	@TempDir
	Path out;
	/** numpy's statistics of each scan, by file name: the columns of write_scans.py's scans.tsv. */
	private static final Map<String, String[]> NUMPY = new LinkedHashMap<>();

	@BeforeAll
	static void writeScans() throws IOException, InterruptedException {
		for (final String[] row : ReferenceFiles.write("write_scans.py", scans, "scans.tsv"))
			NUMPY.put(row[0], row);
	}

	private static String scan(final String name) {
		return scans.resolve(name).toString();
	}

	private static List<String> lines(final Path file) throws IOException {
		return Files.readAllLines(file, StandardCharsets.UTF_8);
	}

	@Test
	void describeWritesARowPerFileThatNumpyAndTheOneFileDescribeAgreeWith() throws IOException {
		final List<String> args = new ArrayList<>(Arrays.asList("describe"));
		for (final String name : NUMPY.keySet())
			args.add(scan(name));
		args.addAll(Arrays.asList("--out", out.toString(), "--threads", "3"));
		final MainTest.Run run = new MainTest.Run(args.toArray(new String[0]));
		assertEquals(0, run.status, run.err);
		assertEquals(out.resolve("statistics.csv").toAbsolutePath() + "\n", run.out);
		assertEquals("", run.err);
		final List<String> table = lines(out.resolve("statistics.csv"));
		assertEquals(COLUMNS, table.get(0));
		assertEquals(NUMPY.size() + 1, table.size());
		int i = 1;
		for (final String[] numpy : NUMPY.values()) {
			final String[] row = table.get(i++).split(",");
			assertEquals(20, row.length, Arrays.toString(row));
			final String what = numpy[0] + ": ";
			assertEquals(scan(numpy[0]), row[0]);
			assertEquals(Long.parseLong(numpy[1]), Long.parseLong(row[1]), what + "voxels");
			assertEquals(Long.parseLong(numpy[2]), Long.parseLong(row[10]), what + "count");
			assertEquals(Long.parseLong(numpy[3]), Long.parseLong(row[11]), what + "nan_count");
			assertEquals("0", row[12], what + "posinf_count");
			assertEquals("0", row[13], what + "neginf_count");
			// order statistics exactly; moments to the last bits numpy's own sums lose
			assertClose(numpy[4], row[2], 1e-12, what + "mean");
			assertEquals(Double.parseDouble(numpy[5]), Double.parseDouble(row[3]), 0, what + "median");
			assertClose(numpy[6], row[4], 1e-11, what + "variance");
			assertClose(numpy[7], row[5], 1e-11, what + "standarddev");
			assertClose(numpy[8], row[6], 1e-9, what + "skewness");
			assertClose(numpy[9], row[7], 1e-9, what + "kurtosis");
			assertEquals(Double.parseDouble(numpy[10]), Double.parseDouble(row[8]), 0, what + "minimum");
			assertEquals(Double.parseDouble(numpy[11]), Double.parseDouble(row[9]), 0, what + "maximum");
			for (int p = 0; p < 6; p++)
				assertClose(numpy[12 + p], row[14 + p], 1e-14, what + "percentile " + p);
			// vIQA's columns are those describe writes for the file alone, to the character
			final MainTest.Run alone = new MainTest.Run("describe", scan(numpy[0]), "--out", out.toString(), "--name",
				"alone");
			assertEquals(0, alone.status, alone.err);
			assertEquals(String.join(",", Arrays.copyOfRange(row, 2, 10)), lines(out.resolve("alone.csv")).get(1));
		}
		assertFalse(Files.exists(out.resolve("statistics.csv.partial")));
	}

	private static void assertClose(final String expected, final String actual, final double relative,
		final String what)
	{
		final double e = Double.parseDouble(expected), a = Double.parseDouble(actual);
		assertEquals(e, a, relative * Math.abs(e) + 1e-300, what);
	}

	@Test
	void rowsComeInTheOrderGivenWhateverTheThreadsAndSizes() throws IOException {
		// the large scan (all threads) between small ones (one thread each), repeats included
		final String[] order = { "scan4.nii.gz", "large.nii", "scan1.nii.gz", "scan6.nii.gz", "scan3.nii.gz",
			"large.nii", "scan5.nii", "scan2.nii.gz", "scan4.nii.gz", "scan1.nii.gz", "scan3.nii.gz" };
		final List<String> expected = new ArrayList<>();
		expected.add(COLUMNS);
		for (final String name : order) {
			final MainTest.Run alone = new MainTest.Run("describe", scan(name), scan(name), "--out", out.toString(),
				"--name", "alone", "--threads", "1");
			assertEquals(0, alone.status, alone.err);
			expected.add(lines(out.resolve("alone.csv")).get(1));
		}
		for (final String threads : new String[] { "1", "2", "4" }) {
			final List<String> args = new ArrayList<>(Arrays.asList("describe", "--out", out.toString(), "--name",
				"t" + threads, "--threads", threads));
			for (final String name : order)
				args.add(scan(name));
			final MainTest.Run run = new MainTest.Run(args.toArray(new String[0]));
			assertEquals(0, run.status, run.err);
			assertEquals(expected, lines(out.resolve("t" + threads + ".csv")), threads + " threads");
		}
	}

	@Test
	void statsPrintsAJsonLinePerFileAsStatsOfTheFileAlone() throws IOException {
		final String[] order = { "scan3.nii.gz", "large.nii", "scan1.nii.gz", "scan3.nii.gz" };
		final MainTest.Run run = new MainTest.Run("stats", scan(order[0]), scan(order[1]), scan(order[2]), scan(order[3]),
			"--percentiles", "0.175,99.825", "--bins", "16");
		assertEquals(0, run.status, run.err);
		final String[] lines = run.out.split("\n", -1);
		assertEquals(order.length + 1, lines.length, run.out);
		for (int i = 0; i < order.length; i++) {
			final MainTest.Run alone = new MainTest.Run("stats", scan(order[i]), "--percentiles", "0.175,99.825",
				"--bins", "16");
			assertEquals("{\"file\": \"" + scan(order[i]) + "\", \"voxels\": " + NUMPY.get(order[i])[1] + ", " + alone.out
				.trim().substring(1), lines[i]);
		}
		assertEquals("", lines[order.length]);
	}

	@Test
	void aFileThatCannotBeReadEndsTheRunInOneLineAndLeavesTheTableAsItWas() throws IOException {
		Files.write(out.resolve("statistics.csv"), "an earlier run\n".getBytes(StandardCharsets.UTF_8));
		new MainTest.Run("describe", scan("scan1.nii.gz"), scan("broken.nii.gz"), scan("scan3.nii.gz"), "--out", out
			.toString()).assertOneLineError(1, scan("broken.nii.gz") +
				": the gzip checksum (CRC-32) does not match the data. (--skip-unreadable lists such files and goes on)");
		assertEquals(Arrays.asList("an earlier run"), lines(out.resolve("statistics.csv")));
		// the rows done before it, whole, in the partial file
		final List<String> partial = lines(out.resolve("statistics.csv.partial"));
		assertEquals(COLUMNS, partial.get(0));
		assertTrue(partial.size() <= 2 && (partial.size() == 1 || partial.get(1).startsWith(scan("scan1.nii.gz") + ",")),
			partial.toString());
		// JSON lines: those printed before it stay, whole
		final MainTest.Run stats = new MainTest.Run("stats", scan("scan1.nii.gz"), scan("broken.nii.gz"), scan(
			"scan3.nii.gz"));
		assertEquals(1, stats.status);
		assertEquals("imagearray: " + scan("broken.nii.gz") + ": the gzip checksum (CRC-32) does not match the data. " +
			"(--skip-unreadable lists such files and goes on)\n", stats.err);
		assertEquals(1, stats.out.split("\n", -1).length - 1, stats.out);
		assertTrue(stats.out.startsWith("{\"file\": \"" + scan("scan1.nii.gz") + "\", ") && stats.out.endsWith("]}}\n"));
		new MainTest.Run("describe", scan("scan1.nii.gz"), scan("missing.nii.gz"), "--out", out.toString())
			.assertOneLineError(1, "File not found: " + scan("missing.nii.gz"));
	}

	@Test
	void skipUnreadableGoesOnAndListsEachFileSkippedAndWhy() throws IOException {
		final MainTest.Run run = new MainTest.Run("describe", scan("scan1.nii.gz"), scan("broken.nii.gz"), scan(
			"missing.nii.gz"), scan("scan3.nii.gz"), "--out", out.toString(), "--name", "scans.csv", "--skip-unreadable");
		assertEquals(0, run.status, run.err);
		assertEquals(out.resolve("scans.csv").toAbsolutePath() + "\n" + out.resolve("scans-skipped.csv").toAbsolutePath() +
			"\n", run.out);
		assertEquals("imagearray: skipped " + scan("broken.nii.gz") +
			": the gzip checksum (CRC-32) does not match the data.\n" + "imagearray: skipped File not found: " + scan(
				"missing.nii.gz") + "\n", run.err);
		assertEquals(Arrays.asList("file,problem", scan("broken.nii.gz") + "," + scan("broken.nii.gz") +
			": the gzip checksum (CRC-32) does not match the data.", scan("missing.nii.gz") + ",File not found: " + scan(
				"missing.nii.gz")), lines(out.resolve("scans-skipped.csv")));
		final List<String> table = lines(out.resolve("scans.csv"));
		assertEquals(3, table.size());
		assertTrue(table.get(1).startsWith(scan("scan1.nii.gz") + ",5760,"), table.get(1));
		assertTrue(table.get(2).startsWith(scan("scan3.nii.gz") + ",1547,"), table.get(2));
		// JSON lines go on too; the skipped files are said on standard error
		final MainTest.Run stats = new MainTest.Run("stats", scan("broken.nii.gz"), scan("scan3.nii.gz"),
			"--skip-unreadable");
		assertEquals(0, stats.status, stats.err);
		assertTrue(stats.out.startsWith("{\"file\": \"" + scan("scan3.nii.gz") + "\", \"voxels\": 1547, \"count\": 1547,"),
			stats.out);
		assertEquals(1, stats.out.split("\n").length, stats.out);
		assertTrue(stats.err.startsWith("imagearray: skipped " + scan("broken.nii.gz") + ": "), stats.err);
	}

	@Test
	void tooLittleMemoryEvenAloneEndsTheRunWhateverSkipUnreadable() throws IOException {
		// a compressed MetaImage of 2000^3 floats (30 GiB): read whole, it cannot fit in a test's heap
		final Path huge = out.resolve("huge.mha");
		Files.write(huge, ("ObjectType = Image\nNDims = 3\nDimSize = 2000 2000 2000\nElementType = MET_FLOAT\n" +
			"CompressedData = True\nElementDataFile = LOCAL\nxx").getBytes(StandardCharsets.US_ASCII));
		final MainTest.Run run = new MainTest.Run("describe", scan("scan1.nii.gz"), huge.toString(), scan(
			"scan3.nii.gz"), "--out", out.toString(), "--skip-unreadable", "--threads", "2");
		run.assertOneLineError(1, huge + ": the image needs 30517 MiB but the Java heap has only ");
		assertFalse(run.err.contains("--skip-unreadable"), run.err);
		assertFalse(Files.exists(out.resolve("statistics.csv")));
		assertFalse(Files.exists(out.resolve("statistics-skipped.csv")));
		final MainTest.Run stats = new MainTest.Run("stats", huge.toString(), scan("scan3.nii.gz"), "--skip-unreadable");
		assertEquals(1, stats.status, stats.err);
		assertEquals("", stats.out);
		assertFalse(stats.err.contains("skipped"), stats.err);
	}

	@Test
	void aTableReplacedKeepsThePermissionsOfTheOneBefore() throws IOException {
		final Path table = out.resolve("scans.csv"), skipped = out.resolve("scans-skipped.csv");
		for (final Path p : Arrays.asList(table, skipped)) {
			Files.write(p, "an earlier run\n".getBytes(StandardCharsets.UTF_8));
			Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-rw----"));
		}
		final MainTest.Run run = new MainTest.Run("describe", scan("scan1.nii.gz"), scan("broken.nii.gz"), "--out", out
			.toString(), "--name", "scans", "--skip-unreadable");
		assertEquals(0, run.status, run.err);
		assertEquals(table.toAbsolutePath() + "\n" + skipped.toAbsolutePath() + "\n", run.out);
		for (final Path p : Arrays.asList(table, skipped)) {
			assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
			assertFalse(lines(p).contains("an earlier run"), p.toString());
		}
	}

	@Test
	void theOneFileDescribeTakesThreadsAsSeveralFilesDo() throws IOException {
		new MainTest.Run("describe", scan("scan1.nii.gz"), "--out", out.toString(), "--threads", "-5")
			.assertOneLineError(2, "describe: --threads must be between 0 and 1024 (0: all processors), not -5.");
		new MainTest.Run("describe", scan("scan1.nii.gz"), scan("scan3.nii.gz"), "--out", out.toString(), "--threads",
			"-5").assertOneLineError(2, "describe: --threads must be between 0 and 1024 (0: all processors), not -5.");
		final Path one = out.resolve("one"), three = out.resolve("three");
		Files.createDirectories(one);
		Files.createDirectories(three);
		final MainTest.Run oneThread = new MainTest.Run("describe", scan("scan1.nii.gz"), "--out", one.toString(),
			"--threads", "1");
		final MainTest.Run threeThreads = new MainTest.Run("describe", scan("scan1.nii.gz"), "--out", three.toString(),
			"--threads", "3");
		assertEquals(0, oneThread.status, oneThread.err);
		assertEquals(0, threeThreads.status, threeThreads.err);
		assertEquals(lines(Paths.get(oneThread.out.trim())), lines(Paths.get(threeThreads.out.trim())));
	}

	@Test
	void optionsOfOneFileAloneAreRefusedWithSeveral() throws IOException {
		new MainTest.Run("stats", scan("scan1.nii.gz"), scan("scan3.nii.gz"), "--per-slice", "z").assertOneLineError(2,
			"stats: --mask, --labels and --per-slice go with one image file, not 2.");
		new MainTest.Run("describe", scan("scan1.nii.gz"), scan("scan3.nii.gz")).assertOneLineError(2,
			"describe needs --out DIR.");
	}

	@Test
	void aRunInterruptedLeavesWholeRowsInThePartialFileAndTheTargetUntouched() throws IOException {
		final Path target = out.resolve("rows.csv");
		try (RowFile rows = RowFile.create(target, "a,b\n")) {
			rows.add("1,2\n");
			rows.add("3,4\n");
			new MainTest.Run("describe", scan("scan1.nii.gz"), scan("scan3.nii.gz"), "--out", out.toString(), "--name",
				"rows").assertOneLineError(1, "Another run is writing " + target.toAbsolutePath() + ".partial.");
		}
		assertFalse(Files.exists(target));
		assertEquals(Arrays.asList("a,b", "1,2", "3,4"), lines(out.resolve("rows.csv.partial")));
		// the next run starts the partial file afresh
		try (RowFile rows = RowFile.create(target, "a,b\n")) {
			rows.add("5,6\n");
			assertEquals(target.toAbsolutePath(), rows.finish());
		}
		assertEquals(Arrays.asList("a,b", "5,6"), lines(target));
		assertFalse(Files.exists(out.resolve("rows.csv.partial")));
	}

	@Test
	void theProgressLineSaysFilesDoneOfAllAndTheRate() {
		assertEquals("imagearray: 37 of 120 files  12.3 files/s", TerminalProgress.filesLine(37, 120, 3.0));
	}
}
