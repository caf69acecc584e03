package io.github.imagearray.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import io.github.imagearray.ReferenceFiles;
import io.github.imagearray.TestImages;
import io.github.imagearray.stats.Statistics;
import io.github.imagearray.stats.StatisticsCalculator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by other software — tifffile, libtiff's tiffcp and nibabel, by
 * {@code reference/write_files.py} — read and measured as numpy measures their voxels, and the
 * files it marks as unusable refused with one line naming the file.
 */
class RealFilesTest {

	@TempDir
	static Path dir;
	private static List<String[]> expected;

	@BeforeAll
	static void writeFiles() throws Exception {
		expected = ReferenceFiles.write("write_files.py", dir, "reference.tsv");
	}

	@Test
	void everyFileMeasuresAsNumpyMeasuresIt() throws IOException {
		assertTrue(expected.size() > 100, "reference files: " + expected.size());
		for (final String[] row : expected) {
			final Path file = dir.resolve(row[0]);
			final Statistics s = new StatisticsCalculator().compute(ImageFiles.open(file));
			final String what = row[0] + ": ";
			assertEquals(Long.parseLong(row[1]), s.count(), what + "count");
			assertEquals(Double.parseDouble(row[2]), s.mean(), 1e-12 * Math.abs(Double.parseDouble(row[2])) + 1e-300,
				what + "mean");
			assertEquals(Double.parseDouble(row[3]), s.median(), 0, what + "median");
			assertEquals(Double.parseDouble(row[4]), s.variance(), 1e-11 * Double.parseDouble(row[4]), what +
				"variance");
			assertEquals(Double.parseDouble(row[5]), s.standardDeviation(), 1e-11 * Double.parseDouble(row[5]), what +
				"standard deviation");
			assertEquals(Double.parseDouble(row[6]), s.minimum(), 0, what + "minimum");
			assertEquals(Double.parseDouble(row[7]), s.maximum(), 0, what + "maximum");
		}
	}

	@Test
	void unusableFilesAreRefusedInOneLineNamingTheFile() throws IOException {
		final List<String[]> refused = ReferenceFiles.table(dir.resolve("refused.tsv"));
		assertTrue(refused.size() >= 6);
		for (final String[] row : refused)
			assertRefused(dir.resolve(row[0]), row[1]);
	}

	@Test
	void truncatedAndCorruptStripsAreRefused() throws IOException {
		for (final String name : new String[] { "uint16.tif", "uint16-deflate.tif", "float32-lzw.tif",
			"int16-tiles.tif", "float64-bigtiff.tif", "uint8-packbits.tif" })
		{
			assertRefused(RefusalMessagesTest.cutShort(dir.resolve(name), "cut-" + name), "");
		}
		// a byte of the deflate data changed: zlib's checksum refuses it
		final byte[] bytes = Files.readAllBytes(dir.resolve("float32-deflate.tif"));
		final Path corrupt = dir.resolve("corrupt-float32-deflate.tif");
		bytes[bytes.length / 2] ^= 0x5a;
		Files.write(corrupt, bytes);
		assertRefused(corrupt, "cannot be decoded");
	}

	@Test
	void voxelSizeFromImageJMetadataAndNiftiPixdim() throws IOException {
		assertArrayEquals(new double[] { 0.5, 0.5, 2.5 }, ImageFiles.read(dir.resolve("imagej.tif"), OpenOptions.NONE).voxelSize(), 1e-6);
		assertArrayEquals(new double[] { 0.5, 0.75, 2 }, ImageFiles.read(dir.resolve("float32.nii.gz"), OpenOptions.NONE).voxelSize(), 1e-6);
		assertArrayEquals(new double[] { 0.25, 0.3, 1.5 }, ImageFiles.read(dir.resolve("ome.ome.tif"), OpenOptions.NONE).voxelSize(), 1e-9);
	}

	@Test
	void anImageJStackWithOneIfdIsReadAsItsPlanes() throws IOException {
		// ImageJ writes stacks of more than 4 GiB with the first IFD only and images= in its description
		final ImageStack stack = new ImageStack(30, 20);
		final Random r = new Random(5);
		for (int z = 0; z < 3; z++) {
			final short[] p = new short[30 * 20];
			for (int i = 0; i < p.length; i++)
				p[i] = (short) r.nextInt(65536);
			stack.addSlice(null, p);
		}
		final Path file = dir.resolve("imagej-stack.tif");
		assertTrue(new FileSaver(new ImagePlus("s", stack)).saveAsTiffStack(file.toString()));
		final double[] expected = TestImages.values(ImageFiles.open(file));
		final ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
		b.order(b.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
		final int ifd = b.getInt(4);
		b.putInt(ifd + 2 + 12 * (b.getShort(ifd) & 0xffff), 0);
		final Path single = dir.resolve("imagej-one-ifd.tif");
		Files.write(single, b.array());
		assertEquals(1, TiffPages.read(single).size());
		assertArrayEquals(expected, TestImages.values(ImageFiles.open(single)), 0);
		assertEquals(30 * 20 * 3, expected.length);
		// cut within the third plane, it is refused
		final long end = TiffPages.read(single).get(0).offsets[0] + 3 * 30 * 20 * 2;
		Files.write(single, Arrays.copyOf(b.array(), (int) end - 100));
		assertRefused(single, "truncated");
	}

	/** Opening and measuring fails with one line that names the file and contains {@code word}. */
	static void assertRefused(final Path file, final String word) {
		final Exception e = assertThrows(Exception.class, () -> new StatisticsCalculator().compute(ImageFiles.open(
			file)), file.toString());
		final Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
		assertTrue(cause instanceof ImageFileException, file + ": " + e);
		final String message = cause.getMessage();
		assertTrue(message.startsWith(file.toString()) && message.contains(word) && !message.contains("\n"), message);
	}
}
