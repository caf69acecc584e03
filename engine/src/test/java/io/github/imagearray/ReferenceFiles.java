package io.github.imagearray;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a script of {@code src/test/resources/reference} with Debian's Python 3 (numpy, scipy,
 * nibabel, tifffile, Pillow, h5py, zarr, pydicom; libtiff's tiffcp on the path — {@code .ci/run} installs them), which writes
 * image files with software other than ours, and numpy's statistics of them. A missing interpreter
 * or module fails the test: it is never skipped.
 */
public final class ReferenceFiles {

	private static final String[] PYTHONS = { "/usr/bin/python3", "python3" };
	private static final String MODULES = "import numpy, scipy, nibabel, tifffile, PIL, h5py, zarr, numcodecs, " +
		"pydicom";

	private ReferenceFiles() {
	}

	/**
	 * Runs {@code script} (a resource of {@code /reference/}) with {@code dir} as its argument.
	 *
	 * @return the lines of {@code dir/table}, split at tabs
	 */
	public static List<String[]> write(final String script, final Path dir, final String table) throws IOException,
		InterruptedException
	{
		run(script, dir, dir.toString());
		return table(dir.resolve(table));
	}

	/** Runs {@code script} (a resource of {@code /reference/}, copied into {@code dir}) with these arguments. */
	public static void run(final String script, final Path dir, final String... args) throws IOException,
		InterruptedException
	{
		final Path copy = dir.resolve(script);
		try (InputStream in = ReferenceFiles.class.getResourceAsStream("/reference/" + script)) {
			Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
		}
		final List<String> command = new ArrayList<>(Arrays.asList(python(), copy.toString()));
		command.addAll(Arrays.asList(args));
		final Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		final byte[] output = readAll(p.getInputStream());
		if (!p.waitFor(300, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new AssertionError(script + " did not finish in 300 s");
		}
		if (p.exitValue() != 0) throw new AssertionError(script + " failed:\n" + new String(output,
			StandardCharsets.UTF_8));
	}

	/** @return the lines of a tab-separated file, split at tabs */
	public static List<String[]> table(final Path file) throws IOException {
		final List<String[]> rows = new ArrayList<>();
		for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8))
			if (!line.isEmpty()) rows.add(line.split("\t"));
		return rows;
	}

	private static String python() throws IOException, InterruptedException {
		for (final String python : PYTHONS) {
			try {
				final Process p = new ProcessBuilder(python, "-c", MODULES).redirectErrorStream(true).start();
				readAll(p.getInputStream());
				if (p.waitFor() == 0) return python;
			}
			catch (final IOException e) {
				// not installed: try the next one
			}
		}
		throw new AssertionError("The reference files need python3 with numpy, scipy, nibabel, tifffile, Pillow, " +
			"h5py, zarr and pydicom (Debian: python3-numpy python3-scipy python3-nibabel python3-tifffile python3-pil " +
			"python3-h5py python3-zarr python3-numcodecs python3-pydicom) and tiffcp (libtiff-tools); .ci/run installs " +
			"them.");
	}

	private static byte[] readAll(final InputStream in) throws IOException {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		final byte[] b = new byte[8192];
		for (int n; (n = in.read(b)) > 0;)
			out.write(b, 0, n);
		return out.toByteArray();
	}
}
