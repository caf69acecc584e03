package io.github.imagearray.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.imagearray.ReferenceFiles;
import io.github.imagearray.cli.MainTest.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution's program, as a user runs it: {@code bin/imagearray} on the PATH, called from
 * another directory, through symbolic links, from the unpacked {@code .tar.gz}; Java through
 * JAVA_HOME or the PATH, JAVA_OPTS passed, the exit status passed through, a killed run's rows.
 * Runs after {@code mvn package} made {@code target/imagearray-<version>/}.
 */
class DistributionIT {

	private static final Path DISTRIBUTION = Paths.get(System.getProperty("imagearray.distribution",
		"target/imagearray-distribution-not-set")).toAbsolutePath();
	private static final String JAVA_BIN = Paths.get(System.getProperty("java.home"), "bin").toString();

	@TempDir
	static Path scans;
	@TempDir
	Path elsewhere;

	@BeforeAll
	static void writeScans() throws IOException, InterruptedException {
		ReferenceFiles.run("write_scans.py", scans, scans.toString());
	}

	/**
	 * Runs {@code command} in {@code cwd} with this PATH and, unless null, JAVA_HOME and JAVA_OPTS,
	 * through a shell, which finds the program on that PATH as a user's shell does.
	 */
	private static Run run(final Path cwd, final String path, final String javaHome, final String javaOpts,
		final String... command) throws IOException, InterruptedException
	{
		final List<String> shell = new ArrayList<>(Arrays.asList("/bin/sh", "-c", "\"$0\" \"$@\""));
		shell.addAll(Arrays.asList(command));
		final ProcessBuilder builder = new ProcessBuilder(shell).directory(cwd.toFile());
		final Map<String, String> env = builder.environment();
		env.put("PATH", path);
		env.remove("JAVA_HOME");
		env.remove("JAVA_OPTS");
		if (javaHome != null) env.put("JAVA_HOME", javaHome);
		if (javaOpts != null) env.put("JAVA_OPTS", javaOpts);
		final Path out = Files.createTempFile(cwd, "out", ".txt"), err = Files.createTempFile(cwd, "err", ".txt");
		final Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		if (!p.waitFor(120, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new AssertionError(String.join(" ", command) + " did not finish in 120 s");
		}
		final Run run = new Run(p.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8), new String(
			Files.readAllBytes(err), StandardCharsets.UTF_8));
		Files.delete(out);
		Files.delete(err);
		return run;
	}

	/** The statistics of scan1.nii.gz as the command line run in this JVM prints them. */
	private static String statsInProcess() throws IOException {
		final Run run = new Run("stats", scans.resolve("scan1.nii.gz").toString());
		assertEquals(0, run.status, run.err);
		return run.out;
	}

	@Test
	void theProgramOnThePathRunsFromAnyDirectory() throws IOException, InterruptedException {
		Files.copy(scans.resolve("scan1.nii.gz"), elsewhere.resolve("ct.nii.gz"));
		final Run run = run(elsewhere, DISTRIBUTION.resolve("bin") + ":" + JAVA_BIN + ":/usr/bin:/bin", null, null,
			"imagearray", "stats", "ct.nii.gz");
		assertEquals(0, run.status, run.err);
		assertEquals("", run.err);
		assertEquals(statsInProcess(), run.out);
		assertTrue(run.out.startsWith("{\"count\": 5758, \"nan_count\": 2, "), run.out);
	}

	@Test
	void symbolicLinksToTheProgramFindItsJars() throws IOException, InterruptedException {
		Files.copy(scans.resolve("scan1.nii.gz"), elsewhere.resolve("ct.nii.gz"));
		// a link on the PATH to a relative link to the program
		final Path links = Files.createDirectories(elsewhere.resolve("links"));
		final Path tools = Files.createDirectories(elsewhere.resolve("tools"));
		Files.createSymbolicLink(tools.resolve("imagearray-current"), DISTRIBUTION.resolve("bin/imagearray"));
		Files.createSymbolicLink(links.resolve("imagearray"), Paths.get("../tools/imagearray-current"));
		final Run run = run(elsewhere, links + ":" + JAVA_BIN + ":/usr/bin:/bin", null, null, "imagearray", "stats",
			"ct.nii.gz");
		assertEquals(0, run.status, run.err);
		assertEquals(statsInProcess(), run.out);
	}

	@Test
	void javaComesFromJavaHomeOrThePathAndTakesJavaOpts() throws IOException, InterruptedException {
		final String program = DISTRIBUTION.resolve("bin/imagearray").toString();
		final String system = "/usr/bin:/bin";
		// JAVA_HOME alone, java not on the PATH
		final Run home = run(elsewhere, system, System.getProperty("java.home"), null, program, "stats", scans.resolve(
			"scan1.nii.gz").toString());
		assertEquals(0, home.status, home.err);
		assertEquals(statsInProcess(), home.out);
		// JAVA_OPTS reaches Java, split into its options: -version makes Java print its version and stop
		final Run opts = run(elsewhere, JAVA_BIN + ":" + system, null, "-Dimagearray.test=1 -version", program, "demo");
		assertEquals(0, opts.status, opts.err);
		assertEquals("", opts.out);
		assertTrue(opts.err.contains("version"), opts.err);
		// a JAVA_HOME without Java, and no Java at all: one line, exit status 1
		final Run wrong = run(elsewhere, JAVA_BIN + ":" + system, elsewhere.toString(), null, program, "demo");
		assertEquals(1, wrong.status);
		assertEquals("imagearray: JAVA_HOME is " + elsewhere + ", which has no bin/java; set it to a Java 8 or later " +
			"installation.\n", wrong.err);
		final Run none = run(elsewhere, "/nonexistent", null, null, program, "demo");
		assertEquals(1, none.status);
		assertEquals("imagearray: no java on the PATH; install Java 8 or later, or set JAVA_HOME.\n", none.err);
	}

	@Test
	void theExitStatusIsTheProgramsOwn() throws IOException, InterruptedException {
		final String path = DISTRIBUTION.resolve("bin") + ":" + JAVA_BIN + ":/usr/bin:/bin";
		final Run missing = run(elsewhere, path, null, null, "imagearray", "stats", "missing.nii.gz");
		assertEquals(1, missing.status);
		assertEquals("imagearray: File not found: missing.nii.gz\n", missing.err);
		final Run usage = run(elsewhere, path, null, null, "imagearray", "stats");
		assertEquals(2, usage.status);
		assertEquals("imagearray: stats takes one image file, got 0.\n", usage.err);
		final Run help = run(elsewhere, path, null, null, "imagearray", "--help");
		assertEquals(0, help.status);
		assertTrue(help.out.startsWith("Usage: imagearray COMMAND"), help.out);
	}

	@Test
	void manyFilesInOneRunOfTheProgram() throws IOException, InterruptedException {
		final String path = DISTRIBUTION.resolve("bin") + ":" + JAVA_BIN + ":/usr/bin:/bin";
		final Path results = Files.createDirectories(elsewhere.resolve("results"));
		// as the shell expands scans/*.nii.gz: in the order of the names
		final List<String> command = new ArrayList<>(Arrays.asList("imagearray", "describe"));
		final List<String> names = Arrays.asList("scan1.nii.gz", "scan2.nii.gz", "scan3.nii.gz", "scan4.nii.gz",
			"scan6.nii.gz");
		for (final String name : names)
			command.add(scans.resolve(name).toString());
		command.addAll(Arrays.asList("--out", "results"));
		final Run run = run(elsewhere, path, null, null, command.toArray(new String[0]));
		assertEquals(0, run.status, run.err);
		assertEquals(results.resolve("statistics.csv").toRealPath() + "\n", run.out);
		final List<String> rows = Files.readAllLines(results.resolve("statistics.csv"), StandardCharsets.UTF_8);
		assertEquals(names.size() + 1, rows.size());
		for (int i = 0; i < names.size(); i++) {
			final Run alone = new Run("describe", scans.resolve(names.get(i)).toString(), "--out",
				elsewhere.toString(), "--name", "alone");
			assertEquals(0, alone.status, alone.err);
			final String[] row = rows.get(i + 1).split(",");
			assertEquals(scans.resolve(names.get(i)).toString(), row[0]);
			assertEquals(Files.readAllLines(elsewhere.resolve("alone.csv"), StandardCharsets.UTF_8).get(1), String.join(
				",", Arrays.copyOfRange(row, 2, 10)));
		}
	}

	@Test
	void aKilledRunLeavesWholeRowsAndNoTable() throws IOException, InterruptedException {
		final Path results = Files.createDirectories(elsewhere.resolve("results"));
		final List<String> command = new ArrayList<>(Arrays.asList(DISTRIBUTION.resolve("bin/imagearray").toString(),
			"describe", "--out", results.toString(), "--threads", "1"));
		for (int i = 0; i < 200; i++)
			command.add(scans.resolve("large.nii").toString());
		final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(elsewhere
			.resolve("output.txt").toFile());
		builder.environment().put("PATH", JAVA_BIN + ":/usr/bin:/bin");
		final Process p = builder.start();
		final Path partial = results.resolve("statistics.csv.partial");
		final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (rows(partial) < 3 && p.isAlive() && System.nanoTime() < deadline)
			Thread.sleep(5);
		assertTrue(p.isAlive(), "the run ended before it was killed");
		// the shell script exec'd Java: this is the JVM, killed as by kill -9
		p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		assertFalse(Files.exists(results.resolve("statistics.csv")));
		final String text = new String(Files.readAllBytes(partial), StandardCharsets.UTF_8);
		assertTrue(text.endsWith("\n"), text);
		final String[] lines = text.split("\n");
		assertTrue(lines.length >= 3, text);
		for (int i = 1; i < lines.length; i++)
			assertEquals(lines[1], lines[i], "row " + i);
		assertEquals(20, lines[1].split(",").length, lines[1]);
	}

	/** @return the lines of a file so far, 0 when it does not exist yet */
	private static long rows(final Path file) throws IOException {
		if (!Files.exists(file)) return 0;
		long lines = 0;
		for (final byte b : Files.readAllBytes(file))
			if (b == '\n') lines++;
		return lines;
	}

	@Test
	void theArchivesHoldTheDistributionWithItsProgramExecutable() throws IOException, InterruptedException {
		final String name = DISTRIBUTION.getFileName().toString();
		final Path tar = DISTRIBUTION.resolveSibling(name + ".tar.gz");
		final Run untar = run(elsewhere, "/usr/bin:/bin", null, null, "tar", "xzf", tar.toString());
		assertEquals(0, untar.status, untar.err);
		final Path unpacked = elsewhere.resolve(name);
		assertTrue(Files.getPosixFilePermissions(unpacked.resolve("bin/imagearray")).contains(
			PosixFilePermission.OWNER_EXECUTE));
		assertEquals(list(DISTRIBUTION.resolve("lib")), list(unpacked.resolve("lib")));
		assertTrue(Files.isRegularFile(unpacked.resolve("bin/imagearray.bat")));
		final Run run = run(elsewhere, JAVA_BIN + ":/usr/bin:/bin", null, null, unpacked.resolve("bin/imagearray")
			.toString(), "stats", scans.resolve("scan1.nii.gz").toString());
		assertEquals(0, run.status, run.err);
		assertEquals(statsInProcess(), run.out);
		// the zip's entries, their Unix modes read by Python's zipfile
		final Path zip = DISTRIBUTION.resolveSibling(name + ".zip");
		final Run modes = run(elsewhere, "/usr/bin:/bin", null, null, "/usr/bin/python3", "-c",
			"import sys, zipfile\nfor i in sorted(zipfile.ZipFile(sys.argv[1]).infolist(), key=lambda i: i.filename):\n" +
				"    print(i.filename, oct(i.external_attr >> 16 & 0o777))", zip.toString());
		assertEquals(0, modes.status, modes.err);
		assertTrue(modes.out.contains(name + "/bin/imagearray 0o755\n"), modes.out);
		assertTrue(modes.out.contains(name + "/bin/imagearray.bat 0o644\n"), modes.out);
		for (final String jar : list(DISTRIBUTION.resolve("lib")))
			assertTrue(modes.out.contains(name + "/lib/" + jar + " 0o644\n"), jar + " in " + modes.out);
	}

	private static List<String> list(final Path dir) throws IOException {
		final List<String> names = new ArrayList<>();
		try (Stream<Path> files = Files.list(dir)) {
			files.forEach(f -> names.add(f.getFileName().toString()));
		}
		names.sort(null);
		assertFalse(names.isEmpty(), dir.toString());
		return names;
	}
}
