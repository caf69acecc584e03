package io.github.imagearray.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Times vIQA's {@code ImageArray.calculate_statistics} (its numpy/scipy calls, by the script
 * {@code viqa_statistics.py}) on the bench phantom, in a Python process started for the purpose:
 * the planes go to a temporary raw file, deleted afterwards.
 */
final class ViqaTiming {

	private static final String SCRIPT = "viqa_statistics.py";

	private ViqaTiming() {
	}

	/**
	 * @param planes the phantom's planes: byte[] (uint8), short[] (uint16) or float[] (float32), each
	 *          size x size voxels
	 * @param python the Python interpreter, with numpy and scipy
	 * @return the seconds of each run
	 * @throws IOException when Python cannot be started or fails; the message names the cause
	 */
	static double[] seconds(final List<Object> planes, final int size, final int runs, final String python)
		throws IOException
	{
		final Path raw = Files.createTempFile("imagearray-bench-", ".raw");
		final Path script = Files.createTempFile("imagearray-viqa-", ".py");
		try {
			try {
				writeRaw(planes, raw);
			}
			catch (final IOException e) {
				throw new IOException("bench --viqa: cannot write the phantom to " + raw + " (" + e.getMessage() + ").", e);
			}
			try (InputStream in = ViqaTiming.class.getResourceAsStream(SCRIPT)) {
				Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
			}
			return run(new ProcessBuilder(python, script.toString(), raw.toString(), dtype(planes.get(0)), String
				.valueOf(size), String.valueOf(runs)), python, runs);
		}
		finally {
			Files.deleteIfExists(raw);
			Files.deleteIfExists(script);
		}
	}

	private static double[] run(final ProcessBuilder builder, final String python, final int runs)
		throws IOException
	{
		final Process process;
		try {
			process = builder.start();
		}
		catch (final IOException e) {
			throw new IOException("bench --viqa: cannot start " + python + " (" + e.getMessage() + ").", e);
		}
		// stderr is read alongside, so that a chatty interpreter never blocks on a full pipe
		final CompletableFuture<List<String>> errors = CompletableFuture.supplyAsync(() -> lines(process
			.getErrorStream()));
		final List<String> out = lines(process.getInputStream());
		final int status;
		try {
			status = process.waitFor();
		}
		catch (final InterruptedException e) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IOException("bench --viqa: interrupted.", e);
		}
		final List<String> err = errors.join();
		if (status != 0 || out.size() != runs) throw new IOException("bench --viqa: " + python + " failed" + (err
			.isEmpty() ? " with status " + status : ": " + err.get(err.size() - 1).trim()) + ".");
		final double[] seconds = new double[runs];
		for (int r = 0; r < runs; r++)
			seconds[r] = Double.parseDouble(out.get(r).trim());
		return seconds;
	}

	private static List<String> lines(final InputStream stream) {
		final List<String> lines = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine())
				lines.add(line);
		}
		catch (final IOException e) {
			// the process went away: what was read is all there is
		}
		return lines;
	}

	/** @return numpy's little-endian dtype of the planes' elements */
	private static String dtype(final Object plane) {
		if (plane instanceof byte[]) return "u1";
		if (plane instanceof short[]) return "<u2";
		return "<f4";
	}

	private static void writeRaw(final List<Object> planes, final Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			for (final Object plane : planes) {
				final ByteBuffer bytes;
				if (plane instanceof byte[]) bytes = ByteBuffer.wrap((byte[]) plane);
				else if (plane instanceof short[]) {
					final short[] s = (short[]) plane;
					bytes = ByteBuffer.allocate(2 * s.length).order(ByteOrder.LITTLE_ENDIAN);
					bytes.asShortBuffer().put(s);
				}
				else {
					final float[] f = (float[]) plane;
					bytes = ByteBuffer.allocate(4 * f.length).order(ByteOrder.LITTLE_ENDIAN);
					bytes.asFloatBuffer().put(f);
				}
				while (bytes.hasRemaining())
					channel.write(bytes);
			}
		}
	}
}
