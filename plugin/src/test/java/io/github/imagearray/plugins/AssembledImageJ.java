package io.github.imagearray.plugins;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs macros in the ImageJ that {@code mvn package} assembles in {@code target/ImageJ}, under
 * {@code xvfb-run}: a Fiji-like tree of {@code ij.jar}, in {@code jars/} only the libraries today's
 * Fiji ships that the plugin uses (at pom-scijava 45.0.0's versions) and the one plugin jar in
 * {@code plugins/}, on the JDK that runs the test. Fails (never skips) when either is missing: CI
 * installs Xvfb.
 */
final class AssembledImageJ {

	static final Path HOME = Paths.get("target", "ImageJ").toAbsolutePath();

	private AssembledImageJ() {
	}

	/** Output and exit status of one ImageJ run. */
	static final class Result {

		final int status;
		final String output;

		Result(final int status, final String output) {
			this.status = status;
			this.output = output;
		}
	}

	/** Runs {@code macro} in batch mode ({@code -batch}). */
	static Result batch(final Path dir, final String macro) throws IOException, InterruptedException {
		return batch(HOME, dir, macro);
	}

	/** Runs {@code macro} in batch mode in the ImageJ at {@code home}, such as {@link #withoutLibrary} makes. */
	static Result batch(final Path home, final Path dir, final String macro) throws IOException,
		InterruptedException
	{
		return run(home, dir, macro, "-batch");
	}

	/** Starts the ImageJ window and runs {@code macro} in it ({@code -macro}); the macro must end with run("Quit"). */
	static Result gui(final Path dir, final String macro) throws IOException, InterruptedException {
		return run(HOME, dir, macro, "-macro");
	}

	private static Result run(final Path home, final Path dir, final String macro, final String mode)
		throws IOException, InterruptedException
	{
		checkAssembled();
		final Path file = dir.resolve("test.ijm");
		Files.write(file, macro.getBytes(StandardCharsets.UTF_8));
		// as Fiji starts ImageJ: every jar of jars/ on the class path, the plugins found by ImageJ in plugins/
		return run(dir, new ArrayList<>(Arrays.asList("xvfb-run", "-a", java(), "-Xmx512m", "-cp", home.resolve(
			"ij.jar") + File.pathSeparator + home.resolve("jars").resolve("*"), "ij.ImageJ", "-ijpath", home.toString(),
			mode, file.toString())));
	}

	/**
	 * Copies the assembled ImageJ into {@code dir/ImageJ} without the jars of {@code jars/} whose names
	 * start with {@code library} (e.g. "gson-"): a Fiji that lacks that library.
	 *
	 * @return the copy's folder
	 */
	static Path withoutLibrary(final Path dir, final String library) throws IOException {
		checkAssembled();
		final Path copy = dir.resolve("ImageJ");
		final List<Path> left = new ArrayList<>();
		try (Stream<Path> all = Files.walk(HOME)) {
			for (final Path p : (Iterable<Path>) all::iterator) {
				final Path to = copy.resolve(HOME.relativize(p).toString());
				if (Files.isDirectory(p)) Files.createDirectories(to);
				else if (p.getParent().getFileName().toString().equals("jars") && p.getFileName().toString().startsWith(
					library)) left.add(p);
				else Files.copy(p, to);
			}
		}
		if (left.isEmpty()) fail("The assembled ImageJ has no jar " + library + "* in jars/ to leave out.");
		return copy;
	}

	private static void checkAssembled() {
		if (!Files.isRegularFile(HOME.resolve("ij.jar"))) fail("No assembled ImageJ at " + HOME +
			"; run the tests through 'mvn verify'.");
		if (!onPath("xvfb-run")) fail("xvfb-run is needed for the macro tests: apt-get install xvfb");
	}

	private static Result run(final Path dir, final List<String> command) throws IOException, InterruptedException {
		final Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(
			"output.txt").toFile()).start();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			fail("ImageJ did not finish within 120 s: " + read(dir.resolve("output.txt")));
		}
		return new Result(process.exitValue(), read(dir.resolve("output.txt")));
	}

	/**
	 * Runs a Java main of the tests in a JVM of its own under {@code xvfb-run} with a 24-bit screen of
	 * 1600 x 1000 pixels, on the assembled ImageJ's jars (plugins folder {@code target/ImageJ}).
	 */
	static Result main(final Path dir, final String mainClass, final String... args) throws IOException,
		InterruptedException
	{
		checkAssembled();
		final StringBuilder classpath = new StringBuilder(Paths.get("target", "test-classes").toAbsolutePath()
			.toString()).append(File.pathSeparator).append(HOME.resolve("ij.jar"));
		for (final String folder : new String[] { "plugins", "jars" })
			try (Stream<Path> jars = Files.list(HOME.resolve(folder))) {
				jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> classpath.append(File.pathSeparator)
					.append(p));
			}
		final List<String> command = new ArrayList<>(Arrays.asList("xvfb-run", "-a", "-s", "-screen 0 1600x1000x24",
			java(), "-Xmx512m", "-Dplugins.dir=" + HOME, "-cp", classpath.toString(), mainClass));
		command.addAll(Arrays.asList(args));
		return run(dir, command);
	}

	private static String java() {
		return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static boolean onPath(final String program) {
		for (final String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			if (Files.isExecutable(Paths.get(d, program))) return true;
		return false;
	}

	static String read(final Path file) throws IOException {
		return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
	}

	static void assertNoStackTrace(final Result r) {
		assertTrue(!r.output.contains("\tat ") && !r.output.contains("Exception"), "no stack trace: " + r.output);
	}
}
