package io.github.imagearray.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command line on a 2 GiB float32 MetaImage volume with a 256 MB heap: every
 * statistic, exact median included, against closed forms.
 */
class StreamingIT {

	@TempDir
	Path dir;

	private static final int W = 1024, H = 1024, D = 512; // 2^29 voxels, 2 GiB

	/** v(x, y, z) = x + 1024 * (z % 4): 4096 values, each exactly 2^17 times. */
	private static float value(final int x, final int z) {
		return x + 1024 * (z % 4);
	}

	@Test
	void twoGibibyteVolumeWithQuarterGibibyteHeap() throws IOException, InterruptedException {
		final Path raw = dir.resolve("big.raw");
		try (FileChannel out = FileChannel.open(raw, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			final ByteBuffer plane = ByteBuffer.allocate(W * H * 4).order(ByteOrder.LITTLE_ENDIAN);
			for (int z = 0; z < D; z++) {
				plane.clear();
				for (int y = 0; y < H; y++)
					for (int x = 0; x < W; x++)
						plane.putFloat(value(x, z));
				plane.flip();
				while (plane.hasRemaining())
					out.write(plane);
			}
		}
		assertEquals(2L << 30, Files.size(raw));
		Files.write(dir.resolve("big.mhd"), ("ObjectType = Image\nNDims = 3\nDimSize = " + W + " " + H + " " + D +
			"\nElementType = MET_FLOAT\nBinaryDataByteOrderMSB = False\nElementDataFile = big.raw\n").getBytes(
				StandardCharsets.US_ASCII));
		final Path jar = Paths.get("target", "imagearray-cli.jar").toAbsolutePath();
		assertTrue(Files.exists(jar), "run through mvn verify: " + jar);
		final Path output = dir.resolve("out.json");
		final Process p = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
			"-Xmx256m", "-jar", jar.toString(), "stats", dir.resolve("big.mhd").toString()).redirectErrorStream(true)
				.redirectOutput(output.toFile()).start();
		assertTrue(p.waitFor(10, TimeUnit.MINUTES), "finished");
		final String json = new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
		Files.delete(raw);
		assertEquals(0, p.exitValue(), json);
		assertEquals((double) W * H * D, number(json, "count"), 0);
		assertEquals(0, number(json, "minimum"), 0);
		assertEquals(4095, number(json, "maximum"), 0);
		// 4096 equally frequent values 0..4095: mean and median 2047.5, variance (4096^2 - 1) / 12
		assertEquals(2047.5, number(json, "mean"), 1e-12 * 2047.5);
		assertEquals(2047.5, number(json, "median"), 0);
		assertEquals((4096.0 * 4096 - 1) / 12, number(json, "variance"), 1e-12 * 1.4e6);
		assertEquals(0, number(json, "skewness"), 1e-7);
		assertTrue(json.contains("\"25\": 1023.75"), json.substring(0, Math.min(json.length(), 800)));
	}

	private static double number(final String json, final String key) {
		final Matcher m = Pattern.compile("\"" + key + "\": ([-+.\\dEe]+)").matcher(json);
		assertTrue(m.find(), key + " in " + json.substring(0, Math.min(json.length(), 800)));
		return Double.parseDouble(m.group(1));
	}
}
