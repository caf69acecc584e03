package io.github.imagearray.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.imagearray.TestImages;
import io.github.imagearray.stats.PixelKind;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

class MetaImageReaderTest {

	@TempDir
	Path dir;

	private static double[] values(final MetaElementType type, final int n, final long seed) {
		final Random r = new Random(seed);
		final double[] v = new double[n];
		for (int i = 0; i < n; i++) {
			switch (type) {
				case MET_UCHAR:
					v[i] = r.nextInt(256);
					break;
				case MET_CHAR:
					v[i] = r.nextInt(256) - 128;
					break;
				case MET_USHORT:
					v[i] = r.nextInt(65536);
					break;
				case MET_SHORT:
					v[i] = r.nextInt(65536) - 32768;
					break;
				case MET_UINT:
					v[i] = r.nextInt() & 0xffffffffL;
					break;
				case MET_INT:
					v[i] = r.nextInt();
					break;
				case MET_LONG_LONG: // whole numbers a double holds exactly, around +-2^52
					v[i] = (r.nextLong() >> 11);
					break;
				case MET_ULONG_LONG:
					v[i] = (r.nextLong() >>> 11);
					break;
				case MET_FLOAT:
					v[i] = (float) r.nextGaussian();
					break;
				default:
					v[i] = r.nextGaussian() * 1e-9;
			}
		}
		return v;
	}

	/** The pixel kind each element type must be read as, in the order of {@link MetaElementType}. */
	private static final PixelKind[] KINDS = { PixelKind.UINT8, PixelKind.INT8, PixelKind.UINT16, PixelKind.INT16,
		PixelKind.UINT32, PixelKind.INT32, PixelKind.INT64, PixelKind.UINT64, PixelKind.FLOAT32, PixelKind.FLOAT64 };

	@ParameterizedTest
	@EnumSource(MetaElementType.class)
	void everyElementTypeInBothByteOrdersIntoTheMatchingType(final MetaElementType type) throws IOException {
		final double[] v = values(type, 5 * 4 * 3, 7);
		for (final ByteOrder order : new ByteOrder[] { ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN }) {
			final boolean msb = order == ByteOrder.BIG_ENDIAN;
			final String name = type + (msb ? "-be" : "-le");
			final Path mhd = MetaImageFiles.write(dir, name, MetaImageFiles.header(type, "5 4 3", msb, name),
				MetaImageFiles.bytes(type, v, order));
			final RandomAccessibleInterval<? extends RealType<?>> img = MetaImageReader.read(mhd);
			assertArrayEquals(new long[] { 5, 4, 3 }, Intervals.dimensionsAsLongArray(img));
			assertEquals(KINDS[type.ordinal()], PixelKind.of(Views.flatIterable(img).firstElement()));
			assertArrayEquals(v, TestImages.values(img), 0);
			// plane by plane from the file: the same voxels in the same type
			final RandomAccessibleInterval<? extends RealType<?>> streamed = MetaImageReader.open(mhd);
			assertEquals(KINDS[type.ordinal()], PixelKind.of(Views.flatIterable(streamed).firstElement()));
			assertArrayEquals(v, TestImages.values(streamed), 0);
		}
	}

	@Test
	void twoDimensionsHeaderSizeCompressionAndLocalData() throws IOException {
		final double[] v = values(MetaElementType.MET_SHORT, 6 * 7, 3);
		final byte[] raw = MetaImageFiles.bytes(MetaElementType.MET_SHORT, v, ByteOrder.LITTLE_ENDIAN);
		// HeaderSize: 10 bytes to skip
		final byte[] padded = new byte[raw.length + 10];
		System.arraycopy(raw, 0, padded, 10, raw.length);
		final Path skip = MetaImageFiles.write(dir, "skip", MetaImageFiles.header(MetaElementType.MET_SHORT, "6 7",
			false, "skip").replace("ElementDataFile", "HeaderSize = 10\nElementDataFile"), padded);
		assertArrayEquals(v, TestImages.values(MetaImageReader.read(skip)), 0);
		// HeaderSize -1: the data are the last bytes
		final Path tail = MetaImageFiles.write(dir, "tail", MetaImageFiles.header(MetaElementType.MET_SHORT, "6 7",
			false, "tail").replace("ElementDataFile", "HeaderSize = -1\nElementDataFile"), padded);
		assertArrayEquals(v, TestImages.values(MetaImageReader.read(tail)), 0);
		// zlib
		final byte[] z = MetaImageFiles.deflate(raw);
		final Path zipped = MetaImageFiles.write(dir, "z", MetaImageFiles.header(MetaElementType.MET_SHORT, "6 7",
			false, "z").replace("ElementDataFile", "CompressedData = True\nCompressedDataSize = " + z.length +
				"\nElementDataFile"), z);
		assertArrayEquals(v, TestImages.values(MetaImageReader.read(zipped)), 0);
		// LOCAL: data right after the header, in one .mha file
		final byte[] head = MetaImageFiles.header(MetaElementType.MET_SHORT, "6 7", false, "x").replace("x.raw",
			"LOCAL").getBytes(StandardCharsets.US_ASCII);
		final byte[] mha = new byte[head.length + raw.length];
		System.arraycopy(head, 0, mha, 0, head.length);
		System.arraycopy(raw, 0, mha, head.length, raw.length);
		final Path local = Files.write(dir.resolve("local.mha"), mha);
		assertArrayEquals(v, TestImages.values(MetaImageReader.read(local)), 0);
		final MetaImageHeader h = MetaImageHeader.read(skip);
		assertArrayEquals(new double[] { 0.5, 0.5 }, h.spacing(), 0);
	}

	private String error(final String header, final byte[] data) throws IOException {
		final Path mhd = MetaImageFiles.write(dir, "bad", header, data);
		final ImageFileException e = assertThrows(ImageFileException.class, () -> MetaImageReader.read(mhd));
		assertTrue(e.getMessage().contains(mhd.toString()), e.getMessage());
		return e.getMessage();
	}

	private static String header(final String dims) {
		return MetaImageFiles.header(MetaElementType.MET_UCHAR, dims, false, "bad");
	}

	private static void assertContains(final String message, final String expected) {
		assertTrue(message.contains(expected), "'" + message + "' should contain '" + expected + "'");
	}

	@Test
	void badInputIsOneClearError() throws IOException {
		final byte[] data = new byte[24];
		assertContains(error(header("2 3 4").replace("MET_UCHAR", "MET_LONG"), data), 
			"unsupported ElementType 'MET_LONG'; supported: MET_UCHAR");
		assertContains(error(header("2 3 4").replace("NDims = 3", "NDims = 2"), data), 
			"DimSize has 3 values but NDims is 2");
		assertContains(error(header("2 3 5"), data), "is truncated: 30 bytes of voxels expected after byte 0, found 24");
		assertContains(error(header("2 3 3"), data), "holds 24 bytes of voxels after byte 0 but the header describes 18");
		assertContains(error(header("2 0 4"), data), "DimSize is 0; allowed: 1 to");
		assertContains(error(header("2 -3 4"), data), "DimSize is -3");
		assertContains(error(header("2 x 4"), data), "DimSize is 'x', not a whole number");
		// huge claims are refused before any allocation
		assertContains(error(header("100000 100000 100000"), data), "describes more voxels than can be held");
		assertContains(error(header("10000 10000 10000"), data), "is truncated: 1000000000000 bytes");
		assertContains(error(header("2 3 4").replace("ElementDataFile", "HeaderSize = 99\nElementDataFile"), data)
			, "HeaderSize 99 is beyond the end of the data file (24 bytes)");
		assertContains(error(header("2 3 4").replace("bad.raw", "missing.raw"), data), "data file not found");
		assertContains(error(header("2 3 4").replace("NDims = 3", "NDims = 4").replace("2 3 4", "2 3 4 1"), data)
			, "NDims is 4; only 2 and 3 dimensions are read");
		assertContains(error(header("2 3 4").replace("ElementDataFile", "CompressedData = True\nElementDataFile"), data)
			, "corrupt compressed data");
		assertContains(error("this is not a header at all\n", data), "not a MetaImage header");
		assertContains(error("\u0000\u0001\u0002garbage", data), "not a MetaImage header");
	}

	@Test
	void shortCompressedDataIsAnError() throws IOException {
		final byte[] z = MetaImageFiles.deflate(new byte[10]);
		final String m = error(header("2 3 4").replace("ElementDataFile", "CompressedData = True\nElementDataFile"), z);
		assertTrue(m.contains("ends early"), m);
	}
}
