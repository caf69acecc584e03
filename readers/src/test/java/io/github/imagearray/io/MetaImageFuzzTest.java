package io.github.imagearray.io;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.imagearray.stats.StatisticsCalculator;

/**
 * Mutated MetaImage headers and data (fixed seed): reading must either work or fail with an
 * {@link ImageFileException} that has a message — never another exception, never an
 * OutOfMemoryError, never a hang.
 */
class MetaImageFuzzTest {

	@TempDir
	Path dir;

	private static final String[] VALUES = { "0", "-1", "-7", "1", "3", "2147483647", "9223372036854775807",
		"99999999999999999999", "1e3", "", "x", "MET_FLOAT", "MET_LONG", "True", "False", "LOCAL", "LIST",
		"big.raw", "%d.raw", "4 4 4", "4 4", "1000000 1000000 1000000", "\u00e9\u00e8" };

	@Test
	void mutatedFilesOnlyEverGiveTheDocumentedError() throws IOException {
		final Random random = new Random(20261125);
		final double[] values = new double[4 * 5 * 6];
		for (int i = 0; i < values.length; i++)
			values[i] = random.nextGaussian();
		final byte[] raw = MetaImageFiles.bytes(MetaElementType.MET_FLOAT, values, ByteOrder.LITTLE_ENDIAN);
		final byte[] zipped = MetaImageFiles.deflate(raw);
		final long end = System.nanoTime() + 8_000_000_000L;
		int cases = 0, refused = 0;
		for (; cases < 3000 && System.nanoTime() < end; cases++) {
			final String header = writeMutatedCase(random, raw, zipped, dir);
			final Path mhd = dir.resolve("case.mhd");
			try {
				new StatisticsCalculator().threads(1).compute(MetaImageReader.read(mhd));
				new StatisticsCalculator().threads(1).compute(MetaImageReader.open(mhd));
			}
			catch (final ImageFileException e) {
				assertTrue(e.getMessage() != null && !e.getMessage().isEmpty(), "message");
				refused++;
			}
			catch (final Throwable t) {
				fail("case " + cases + " threw " + t + "\n" + header, t);
			}
		}
		assertTrue(cases >= 500, "cases run: " + cases);
		assertTrue(refused > cases / 4, "refused " + refused + " of " + cases);
		assertTrue(refused < cases, "some mutations are harmless: " + refused + " of " + cases);
		System.out.println("MetaImage fuzz: " + cases + " cases, " + refused + " refused");
	}

	/**
	 * Writes {@code dir/case.mhd} and {@code dir/case.raw}: a header of 4 x 5 x 6 floats and their data
	 * (raw, or zlib-compressed where a quarter of the cases say so), with one to three mutations:
	 * a field's value replaced, a line dropped or repeated, header bytes flipped, the data cut, data
	 * bytes flipped, or bytes appended.
	 *
	 * @return the header and the data's length, to show when the case fails
	 */
	static String writeMutatedCase(final Random random, final byte[] raw, final byte[] zipped, final Path dir)
		throws IOException
	{
		final boolean compressed = random.nextInt(4) == 0;
		String header = MetaImageFiles.header(MetaElementType.MET_FLOAT, "4 5 6", random.nextBoolean(), "case");
		if (compressed) header = header.replace("ElementDataFile", "CompressedData = True\nElementDataFile");
		byte[] data = (compressed ? zipped : raw).clone();
		final int mutations = 1 + random.nextInt(3);
		for (int m = 0; m < mutations; m++) {
			switch (random.nextInt(6)) {
				case 0: { // replace one field's value
					final String[] lines = header.split("\n");
					final int l = random.nextInt(lines.length);
					lines[l] = lines[l].substring(0, lines[l].indexOf('=') + 1) + " " + VALUES[random.nextInt(
						VALUES.length)];
					header = String.join("\n", lines) + "\n";
					break;
				}
				case 1: { // drop or repeat a line
					final String[] lines = header.split("\n");
					final int l = random.nextInt(lines.length);
					header = header.replace(lines[l] + "\n", random.nextBoolean() ? "" : lines[l] + "\n" + lines[l] +
						"\n");
					break;
				}
				case 2: { // flip header bytes
					final byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
					for (int k = 0; k < 1 + random.nextInt(4); k++)
						h[random.nextInt(h.length)] = (byte) random.nextInt(256);
					header = new String(h, StandardCharsets.ISO_8859_1);
					break;
				}
				case 3: // truncate the data
					data = Arrays.copyOf(data, random.nextInt(data.length + 1));
					break;
				case 4: // flip data bytes
					for (int k = 0; k < 1 + random.nextInt(8) && data.length > 0; k++)
						data[random.nextInt(data.length)] = (byte) random.nextInt(256);
					break;
				default: // extra bytes after the data
					data = Arrays.copyOf(data, data.length + 1 + random.nextInt(64));
			}
		}
		Files.write(dir.resolve("case.raw"), data);
		Files.write(dir.resolve("case.mhd"), header.getBytes(StandardCharsets.ISO_8859_1));
		return "header:\n" + header + "\ndata bytes: " + data.length;
	}
}
