package io.github.imagearray.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.imagearray.TestImages;
import io.github.imagearray.stats.PixelKind;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

/** NIfTI-1 files written byte by byte after the NIfTI-1 header layout. */
class NiftiReaderTest {

	@TempDir
	Path dir;

	private static final int[][] TYPES = { { 2, 1 }, { 256, 1 }, { 4, 2 }, { 512, 2 }, { 8, 4 }, { 768, 4 }, { 16, 4 },
		{ 64, 8 } };

	/** A single-file NIfTI-1 image: 348-byte header, 4 bytes extension flag, data at 352. */
	static byte[] nifti(final int datatype, final int bytes, final short[] dims, final float[] pixdim,
		final double[] values, final ByteOrder order, final float slope, final float intercept)
	{
		final ByteBuffer b = ByteBuffer.allocate(352 + values.length * bytes).order(order);
		b.putInt(0, 348);
		b.putShort(40, (short) dims.length);
		for (int d = 0; d < dims.length; d++)
			b.putShort(42 + 2 * d, dims[d]);
		b.putShort(70, (short) datatype);
		b.putShort(72, (short) (8 * bytes));
		for (int d = 0; d < pixdim.length; d++) // pixdim[0] is qfac, then the voxel sizes
			b.putFloat(76 + 4 * d, pixdim[d]);
		b.putFloat(108, 352);
		b.putFloat(112, slope);
		b.putFloat(116, intercept);
		b.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
		b.position(352);
		for (final double v : values) {
			if (datatype == 16) b.putFloat((float) v);
			else if (datatype == 64) b.putDouble(v);
			else if (bytes == 1) b.put((byte) (long) v);
			else if (bytes == 2) b.putShort((short) (long) v);
			else b.putInt((int) (long) v);
		}
		return b.array();
	}

	private static double[] values(final int datatype, final int n) {
		final double[] v = new double[n];
		for (int i = 0; i < n; i++) {
			switch (datatype) {
				case 2:
					v[i] = (i * 37) % 256;
					break;
				case 256:
					v[i] = (i * 37) % 256 - 128;
					break;
				case 4:
					v[i] = (i * 997) % 65536 - 32768;
					break;
				case 512:
					v[i] = (i * 997) % 65536;
					break;
				case 8:
					v[i] = i * 123457L - 1_000_000;
					break;
				case 768:
					v[i] = (i * 123457L) & 0xffffffffL;
					break;
				case 16:
					v[i] = (float) Math.sin(i);
					break;
				default:
					v[i] = Math.cos(i) * 1e-7;
			}
		}
		return v;
	}

	private static byte[] gzip(final byte[] data) throws IOException {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream z = new GZIPOutputStream(out)) {
			z.write(data);
		}
		return out.toByteArray();
	}

	@Test
	void everyDatatypeInBothByteOrdersAndGzipped() throws IOException {
		final short[] dims = { 5, 4, 3 };
		for (final int[] t : TYPES)
			for (final ByteOrder order : new ByteOrder[] { ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN }) {
				final double[] v = values(t[0], 60);
				final byte[] file = nifti(t[0], t[1], dims, new float[] { 1, 0.5f, 0.5f, 2 }, v, order, 0, 0);
				final Path nii = Files.write(dir.resolve("t" + t[0] + order + ".nii"), file);
				final RandomAccessibleInterval<? extends RealType<?>> img = ImageFiles.open(nii);
				assertArrayEquals(new long[] { 5, 4, 3 }, Intervals.dimensionsAsLongArray(img));
				assertArrayEquals(v, TestImages.values(img), 0, "datatype " + t[0] + " " + order);
				final Path gz = Files.write(dir.resolve("t" + t[0] + order + ".nii.gz"), gzip(file));
				assertArrayEquals(v, TestImages.values(ImageFiles.open(gz)), 0);
				assertArrayEquals(new double[] { 0.5, 0.5, 2 }, ImageFiles.read(gz, OpenOptions.NONE).voxelSize(), 0);
			}
		assertEquals(PixelKind.UINT16, PixelKind.of(Views.flatIterable(ImageFiles.open(dir.resolve("t512" +
			ByteOrder.BIG_ENDIAN + ".nii"))).firstElement()));
	}

	@Test
	void scalingSlopeAndInterceptGiveTheScaledValues() throws IOException {
		final double[] raw = { 0, 1, 2, 3, 4, 5 };
		final Path nii = Files.write(dir.resolve("scaled.nii"), nifti(4, 2, new short[] { 3, 2 }, new float[4], raw,
			ByteOrder.LITTLE_ENDIAN, 2.5f, -1));
		assertArrayEquals(new double[] { -1, 1.5, 4, 6.5, 9, 11.5 }, TestImages.values(ImageFiles.open(nii)), 0);
		// a trailing dimension of size 1 still makes a 2D image
		final Path flat = Files.write(dir.resolve("flat.nii"), nifti(16, 4, new short[] { 3, 2, 1, 1 }, new float[4],
			raw, ByteOrder.LITTLE_ENDIAN, 0, 0));
		assertEquals(2, ImageFiles.open(flat).numDimensions());
	}

	private String error(final byte[] data, final String name) throws IOException {
		final Path p = Files.write(dir.resolve(name), data);
		final ImageFileException e = assertThrows(ImageFileException.class, () -> ImageFiles.open(p));
		assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
		return e.getMessage();
	}

	/** A broken NIfTI file, and words its refusal holds. */
	static final class BadFile {

		final String name;
		final byte[] bytes;
		final String words;

		BadFile(final String name, final byte[] bytes, final String words) {
			this.name = name;
			this.bytes = bytes;
			this.words = words;
		}
	}

	/** @return files cut short, of wrong magic, unsupported type or dimensions, and a corrupt gzip stream */
	static List<BadFile> badFiles() throws IOException {
		final double[] v = values(16, 24);
		final byte[] ok = nifti(16, 4, new short[] { 4, 3, 2 }, new float[4], v, ByteOrder.LITTLE_ENDIAN, 0, 0);
		final List<BadFile> files = new ArrayList<>();
		files.add(new BadFile("short.nii", Arrays.copyOf(ok, 100), "shorter than its 348-byte header"));
		files.add(new BadFile("truncated.nii", Arrays.copyOf(ok, ok.length - 5), "the voxel data end early"));
		final byte[] magic = ok.clone();
		magic[345] = 'i';
		files.add(new BadFile("pair.nii", magic, "only single-file NIfTI-1 (n+1) is read"));
		files.add(new BadFile("rgb.nii", nifti(128, 3, new short[] { 4, 3, 2 }, new float[4], new double[0],
			ByteOrder.LITTLE_ENDIAN, 0, 0), "unsupported datatype 128"));
		files.add(new BadFile("4d.nii", nifti(16, 4, new short[] { 4, 3, 2, 2 }, new float[4], new double[48],
			ByteOrder.LITTLE_ENDIAN, 0, 0), "only 2 and 3 are read"));
		files.add(new BadFile("zero.nii", nifti(16, 4, new short[] { 4, 0, 2 }, new float[4], new double[0],
			ByteOrder.LITTLE_ENDIAN, 0, 0), "dim[2] is 0"));
		final byte[] garbage = new byte[400];
		Arrays.fill(garbage, (byte) 7);
		files.add(new BadFile("garbage.nii", garbage, "sizeof_hdr is not 348"));
		final byte[] gz = gzip(ok);
		gz[gz.length / 2] ^= 0x55;
		gz[gz.length / 2 + 1] ^= 0x55;
		files.add(new BadFile("corrupt.nii.gz", gz, ".nii.gz"));
		return files;
	}

	@Test
	void badFilesAreOneClearError() throws IOException {
		for (final BadFile f : badFiles())
			assertTrue(error(f.bytes, f.name).contains(f.words), f.name);
	}
}
