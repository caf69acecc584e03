package io.github.imagearray.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.github.imagearray.ReferenceFiles;
import io.github.imagearray.TestImages;
import io.github.imagearray.stats.Statistics;
import io.github.imagearray.stats.StatisticsCalculator;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of mutated TIFF files and NIfTI gzip streams (fixed seeds) from files that tifffile,
 * tiffcp and nibabel wrote: each is measured or refused with one line naming it — never another
 * exception, never a hang. Where the mutation lies in checksummed data (deflate strips, the gzip
 * stream of a {@code .nii.gz}), a file that is read must give exactly the original voxels.
 */
class FileFuzzTest {

	@TempDir
	static Path dir;

	@BeforeAll
	static void writeFiles() throws Exception {
		ReferenceFiles.write("write_files.py", dir, "reference.tsv");
	}

	static final String[] TIFF_BASES = { "uint16-deflate.tif", "float32-tiles.tif", "int8-bigtiff.tif",
		"float32-lzw.tif", "uint8.tif", "float64-predictor3.tif", "int16-packbits.tif", "imagej.tif" };

	private static final int[] INTERESTING = { 0, 1, 2, 3, 8, 16, 255, 0xffff, 0x7fffffff, 0xffffffff };

	@Test
	void mutatedTiffFilesAreMeasuredOrRefusedInOneLine() {
		final Random random = new Random(20261201);
		final long end = System.nanoTime() + 12_000_000_000L;
		final int[] outcome = new int[2];
		// nothing but results on standard output: the decoders print nothing there
		final PrintStream stdout = System.out;
		final ByteArrayOutputStream printed = new ByteArrayOutputStream();
		System.setOut(new PrintStream(printed, true));
		try {
			fuzzTiff(random, end, outcome);
		}
		finally {
			System.setOut(stdout);
		}
		assertEquals("", printed.toString(), "printed on standard output");
		assertTrue(outcome[0] > 100 && outcome[1] > 100, "measured " + outcome[0] + ", refused " + outcome[1]);
	}

	private static void fuzzTiff(final Random random, final long end, final int[] outcome) {
		assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
			for (int c = 0; c < 2500 && System.nanoTime() < end; c++) {
				final String base = TIFF_BASES[random.nextInt(TIFF_BASES.length)];
				final byte[] bytes = Files.readAllBytes(dir.resolve(base));
				final byte[] mutated = mutate(bytes, random);
				final Path file = dir.resolve("fuzz-" + c + ".tif");
				Files.write(file, mutated);
				outcome[measureOrRefuse(file) == null ? 1 : 0]++;
				Files.delete(file);
			}
		});
	}

	@Test
	void corruptDeflateStripsNeverGiveOtherVoxels() throws IOException {
		final Path original = dir.resolve("uint16-deflate.tif");
		final double[] voxels = TestImages.values(ImageFiles.open(original));
		final byte[] bytes = Files.readAllBytes(original);
		final List<TiffPages.Page> pages = TiffPages.read(original);
		final Random random = new Random(7);
		int refused = 0;
		for (int c = 0; c < 300; c++) {
			final byte[] mutated = bytes.clone();
			final TiffPages.Page page = pages.get(random.nextInt(pages.size()));
			final int strip = random.nextInt(page.offsets.length);
			mutated[(int) (page.offsets[strip] + random.nextInt((int) page.byteCounts[strip]))] ^= 1 << random.nextInt(8);
			if (refusedOrOriginal(dir.resolve("strip-" + c + ".tif"), mutated, voxels)) refused++;
		}
		assertTrue(refused > 250, "refused " + refused + " of 300");
	}

	@Test
	void mutatedGzipStreamsGiveTheOriginalVoxelsOrOneLine() throws IOException {
		final Path original = dir.resolve("float32.nii.gz");
		final double[] voxels = TestImages.values(NiftiReader.read(original));
		final byte[] bytes = Files.readAllBytes(original);
		final Random random = new Random(20261202);
		int refused = 0, cases = 0;
		for (; cases < 2500; cases++) {
			final byte[] mutated = mutateGzip(bytes, random);
			if (refusedOrOriginal(dir.resolve("fuzz-" + cases + ".nii.gz"), mutated, voxels)) refused++;
		}
		assertTrue(refused > cases / 2, "refused " + refused + " of " + cases);
	}

	@Test
	void emptyAndTinyGzipFilesAreRefusedWithAReason() throws IOException {
		for (final int length : new int[] { 0, 5, 10, 30 }) {
			final byte[] bytes = Arrays.copyOf(Files.readAllBytes(dir.resolve("uint8.nii.gz")), length);
			final Path file = dir.resolve("tiny-" + length + ".nii.gz");
			Files.write(file, bytes);
			RealFilesTest.assertRefused(file, "");
			final String message = assertRefusal(file);
			assertTrue(!message.contains("null"), message);
		}
	}

	private static String assertRefusal(final Path file) {
		try {
			ImageFiles.open(file);
		}
		catch (final IOException e) {
			return e.getMessage();
		}
		throw new AssertionError(file + " was read");
	}

	/**
	 * Writes the bytes to {@code file}, which must then be refused in one line or give exactly the
	 * original voxels; removes it again.
	 *
	 * @return whether it was refused
	 */
	private static boolean refusedOrOriginal(final Path file, final byte[] bytes, final double[] voxels)
		throws IOException
	{
		Files.write(file, bytes);
		final RandomAccessibleInterval<? extends RealType<?>> img = measureOrRefuse(file);
		if (img != null) assertArrayEquals(voxels, TestImages.values(img), 0, file.toString());
		Files.delete(file);
		return img == null;
	}

	/**
	 * @return the image when it is read and measured, its statistics consistent with its size;
	 *         null when it is refused with one line that names the file
	 */
	static RandomAccessibleInterval<? extends RealType<?>> measureOrRefuse(final Path file) {
		try {
			final RandomAccessibleInterval<? extends RealType<?>> img = ImageFiles.open(file);
			final Statistics s = new StatisticsCalculator().threads(1).compute(img);
			assertEquals(Intervals.numElements(img), s.count() + s.nanCount(), file.toString());
			return img;
		}
		catch (final ImageFileException e) {
			RefusalMessagesTest.assertUserWords(file, e.getMessage());
		}
		catch (final UncheckedIOException e) {
			assertTrue(e.getCause() instanceof ImageFileException, file + ": " + e);
			RefusalMessagesTest.assertUserWords(file, e.getCause().getMessage());
		}
		catch (final Exception | OutOfMemoryError e) {
			fail(file + ": " + e, e);
		}
		return null;
	}

	/** Cut short, something appended, or one to three bits flipped. */
	static byte[] mutateGzip(final byte[] bytes, final Random random) {
		switch (random.nextInt(4)) {
			case 0: // cut short
				return Arrays.copyOf(bytes, random.nextInt(bytes.length));
			case 1: { // something appended
				final byte[] mutated = Arrays.copyOf(bytes, bytes.length + 1 + random.nextInt(20));
				for (int i = bytes.length; i < mutated.length; i++)
					mutated[i] = (byte) (1 + random.nextInt(255));
				return mutated;
			}
			default: {
				final byte[] mutated = bytes.clone();
				for (int m = 1 + random.nextInt(3); m > 0; m--)
					mutated[random.nextInt(mutated.length)] ^= 1 << random.nextInt(8);
				return mutated;
			}
		}
	}

	/** One to three changes: a byte flipped, a 16 or 32-bit field set to an interesting value, or a cut. */
	static byte[] mutate(final byte[] bytes, final Random random) {
		byte[] b = bytes.clone();
		for (int m = 1 + random.nextInt(3); m > 0; m--) {
			final int at = random.nextInt(b.length);
			switch (random.nextInt(4)) {
				case 0:
					b[at] ^= 1 << random.nextInt(8);
					break;
				case 1: {
					final int v = INTERESTING[random.nextInt(INTERESTING.length)];
					for (int i = 0; i < 4 && at + i < b.length; i++)
						b[at + i] = (byte) (v >>> 8 * i);
					break;
				}
				case 2: // in the first 512 bytes, where the header and often the IFDs are
					b[random.nextInt(Math.min(512, b.length))] = (byte) random.nextInt(256);
					break;
				default:
					b = Arrays.copyOf(b, Math.max(8, at));
			}
		}
		return b;
	}
}
