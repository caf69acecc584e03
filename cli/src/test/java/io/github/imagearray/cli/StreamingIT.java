package io.github.imagearray.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.imagearray.ReferenceFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command line on 2 GiB volumes (MetaImage; a TIFF stack that tifffile wrote; a folder
 * of TIFF slices, HDF5, Zarr, N5 and a DICOM series that Python's libraries wrote), a 4 GiB plane and
 * a 512 MiB deflate plane with a 256 MB heap: every statistic, exact median included, against closed
 * forms.
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
		final String json = run(0, "-Xmx256m", "stats", dir.resolve("big.mhd").toString());
		Files.delete(raw);
		assertClosedForms(json);
	}

	@Test
	void twoGibibyteTiffStackFromTifffileWithQuarterGibibyteHeap() throws Exception {
		final Path tif = dir.resolve("big.tif");
		ReferenceFiles.run("write_big_tiff.py", dir, tif.toString());
		assertTrue(Files.size(tif) > 2L << 30);
		final String json = run(0, "-Xmx256m", "stats", tif.toString());
		Files.delete(tif);
		assertClosedForms(json);
	}

	@Test
	void aDeflatePlaneLargerThanTheHeapIsDecodedInSpans() throws Exception {
		// 1024 x 131072 float32 (512 MiB) in deflate strips of 64 rows (tifffile): each span of 1024 rows is
		// decoded from its 16 strips alone; the first 128 planes of the stack's closed forms
		final Path tif = dir.resolve("plane-deflate.tif");
		ReferenceFiles.run("write_big_tiff.py", dir, tif.toString(), "deflate-plane");
		final String json = run(0, "-Xmx256m", "stats", tif.toString());
		Files.delete(tif);
		assertClosedForms(json, 128);
	}

	@Test
	void aPlaneOfFourGibibytesIsReadInSpans() throws Exception {
		// 32768 x 32768 float32 zeros in a sparse file: 4 GiB, one plane, more than an int counts
		final Path raw = dir.resolve("plane.raw");
		try (RandomAccessFile f = new RandomAccessFile(raw.toFile(), "rw")) {
			f.setLength(4L << 30);
		}
		final Path mhd = dir.resolve("plane.mhd");
		Files.write(mhd, ("ObjectType = Image\nNDims = 2\nDimSize = 32768 32768\nElementType = MET_FLOAT\n" +
			"ElementDataFile = plane.raw\n").getBytes(StandardCharsets.US_ASCII));
		final String json = run(0, "-Xmx256m", "stats", mhd.toString(), "--threads", "2");
		assertEquals(1L << 30, number(json, "count"), 0);
		assertEquals(0, number(json, "mean"), 0);
		assertEquals(0, number(json, "median"), 0);
		assertEquals(0, number(json, "maximum"), 0);
		// sixteen threads cannot hold their spans in 128 MiB: one line says so
		final String refused = run(1, "-Xmx128m", "stats", mhd.toString(), "--threads", "16");
		assertTrue(refused.startsWith("imagearray: 16 threads need about ") && refused.trim().split("\n").length == 1,
			refused);
		Files.delete(raw);
	}

	@Test
	void twoGibibytesInEachFormatOfLargeVolumesWithQuarterGibibyteHeap() throws Exception {
		final String[] formats = { "slices", "hdf5", "zarr", "n5", "dicom" };
		// the next volume is written while the command line reads the one before: one core each
		final ExecutorService writer = Executors.newSingleThreadExecutor();
		try {
			Future<Path> next = writer.submit(() -> written(formats[0]));
			for (int f = 0; f < formats.length; f++) {
				final Path volume = next.get(10, TimeUnit.MINUTES);
				if (f + 1 < formats.length) {
					final String format = formats[f + 1];
					next = writer.submit(() -> written(format));
				}
				final String json = run(0, "-Xmx256m", "stats", volume.toString());
				// DICOM holds 1024 uint16 planes, the others 512 float32 ones: 2 GiB of voxels each
				assertClosedForms(json, formats[f].equals("dicom") ? 2 * D : D);
				deleteTree(volume);
			}
		}
		finally {
			writer.shutdownNow();
		}
	}

	/** @return the volume of 2 GiB in this format, written by other software */
	private Path written(final String format) throws IOException, InterruptedException {
		final Path volume = dir.resolve("big." + format);
		ReferenceFiles.run("write_big_volume.py", dir, format, volume.toString());
		return volume;
	}

	private static void deleteTree(final Path path) throws IOException {
		try (Stream<Path> all = Files.walk(path)) {
			for (final Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator)
				Files.delete(p);
		}
	}

	private static void assertClosedForms(final String json) {
		assertClosedForms(json, D);
	}

	/** v(x, z) = x + 1024 (z % 4) over 1024 x 1024 x depth voxels. */
	private static void assertClosedForms(final String json, final int depth) {
		assertEquals((double) W * H * depth, number(json, "count"), 0);
		assertEquals(0, number(json, "minimum"), 0);
		assertEquals(4095, number(json, "maximum"), 0);
		// 4096 equally frequent values 0..4095: mean and median 2047.5, variance (4096^2 - 1) / 12
		assertEquals(2047.5, number(json, "mean"), 1e-12 * 2047.5);
		assertEquals(2047.5, number(json, "median"), 0);
		assertEquals((4096.0 * 4096 - 1) / 12, number(json, "variance"), 1e-12 * 1.4e6);
		assertEquals(0, number(json, "skewness"), 1e-7);
		assertTrue(json.contains("\"25\": 1023.75"), json.substring(0, Math.min(json.length(), 800)));
	}

	/** @return what the packaged command line printed, after checking its exit status */
	private String run(final int exit, final String heap, final String... args) throws IOException,
		InterruptedException
	{
		final Path jar = Paths.get("target", "imagearray-cli.jar").toAbsolutePath();
		assertTrue(Files.exists(jar), "run through mvn verify: " + jar);
		final List<String> command = new ArrayList<>(Arrays.asList(Paths.get(System
			.getProperty("java.home"), "bin", "java").toString(), heap, "-jar", jar.toString()));
		command.addAll(Arrays.asList(args));
		final Path output = Files.createTempFile(dir, "out", ".txt");
		final Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		assertTrue(p.waitFor(10, TimeUnit.MINUTES), "finished");
		final String printed = new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
		assertEquals(exit, p.exitValue(), printed.substring(0, Math.min(printed.length(), 800)));
		return printed;
	}

	private static double number(final String json, final String key) {
		final Matcher m = Pattern.compile("\"" + key + "\": ([-+.\\dEe]+)").matcher(json);
		assertTrue(m.find(), key + " in " + json.substring(0, Math.min(json.length(), 800)));
		return Double.parseDouble(m.group(1));
	}
}
