package io.github.imagearray.io;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipException;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;

/**
 * Reads NIfTI-1 images ({@code .nii}, {@code .nii.gz}, single file) of 2 or 3 dimensions into the
 * matching ImgLib2 type: datatypes uint8, int8, uint16, int16, uint32, int32, uint64, int64, float32,
 * float64, in either byte order; {@code .nii.gz} read to its end, so that its checksum is checked. A scaling slope other than 0 or 1 (or a non-zero intercept) gives a read-only
 * double view of {@code slope * value + intercept}, as NIfTI readers do. Every problem is an
 * {@link ImageFileException} that names the file.
 * <p>
 * {@code ImageFile brain = new NiftiReader().open(Paths.get("brain.nii.gz"), OpenOptions.NONE);}
 */
public final class NiftiReader implements ImageFormat {

	private static final int HEADER_BYTES = 348;

	@Override
	public String name() {
		return "NIfTI-1";
	}

	/** @return whether the path is a file named {@code .nii} or {@code .nii.gz} */
	@Override
	public boolean recognises(final Path path, final OpenOptions options) {
		return !Files.isDirectory(path) && ImageFiles.hasExtension(path, ".nii", ".nii.gz");
	}

	/** @return the voxels, rescaled where the header says so, and {@code pixdim} as the voxel size */
	@Override
	public ImageFile open(final Path file, final OpenOptions options) throws IOException {
		final Header[] header = new Header[1];
		final RandomAccessibleInterval<? extends RealType<?>> image = read(file, header);
		return new ImageFile(this, image, header[0].spacing);
	}

	/** The header fields ImageArray uses. */
	static final class Header {

		long[] dims;
		double[] spacing;
		MetaElementType type;
		ByteOrder order;
		long offset;
		double slope;
		double intercept;
	}

	/** @return the voxels of a NIfTI-1 file, as {@link #open} reads them */
	static RandomAccessibleInterval<? extends RealType<?>> read(final Path file) throws IOException {
		return read(file, new Header[1]);
	}

	/** @param header receives the file's header */
	private static RandomAccessibleInterval<? extends RealType<?>> read(final Path file, final Header[] header)
		throws IOException
	{
		if (!Files.isRegularFile(file)) throw new ImageFileException("File not found: " + file);
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(open(file), 1 << 16))) {
			final byte[] head = new byte[HEADER_BYTES];
			try {
				in.readFully(head);
			}
			catch (final EOFException e) {
				throw new ImageFileException(file + ": not a NIfTI-1 file (shorter than its 348-byte header).");
			}
			final Header h = header(file, head);
			header[0] = h;
			skip(in, h.offset - HEADER_BYTES, file);
			final long voxels = h.dims[0] * h.dims[1] * (h.dims.length > 2 ? h.dims[2] : 1);
			ImageFiles.checkMemory(file.toString(), voxels * h.type.bytes());
			final PlanarImg<?, ?> img = MetaImageReader.create(h.type, h.dims);
			fill(img, in, h, file);
			readToEnd(in);
			return scaled(img, h);
		}
		catch (final ZipException | EOFException e) {
			throw new ImageFileException(file + ": " + e.getMessage() + ".", e);
		}
	}

	/**
	 * Reads what follows the voxels, so that a gzip stream's checksum and length are checked; bytes
	 * after the voxels are allowed, as NIfTI readers allow them.
	 */
	private static void readToEnd(final InputStream in) throws IOException {
		final byte[] rest = new byte[1 << 16];
		while (in.read(rest) >= 0) {
			// discarded
		}
	}

	/** @return the file's bytes, decompressed for {@code .gz} */
	private static InputStream open(final Path file) throws IOException {
		final InputStream raw = Files.newInputStream(file);
		if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) return raw;
		try {
			return new GzipInput(raw);
		}
		catch (final IOException e) {
			raw.close();
			throw new ImageFileException(file + ": not a readable .nii.gz file: " + e.getMessage() + ".", e);
		}
	}

	static Header header(final Path file, final byte[] head) throws ImageFileException {
		ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
		if (b.getInt(0) != HEADER_BYTES) {
			b = b.order(ByteOrder.BIG_ENDIAN);
			if (b.getInt(0) != HEADER_BYTES) throw new ImageFileException(file +
				": not a NIfTI-1 file (sizeof_hdr is not 348 in either byte order).");
		}
		final String magic = new String(head, 344, 3, StandardCharsets.US_ASCII);
		if (!magic.equals("n+1")) throw new ImageFileException(file + ": magic is '" + magic.replaceAll(
			"[^\\x20-\\x7e]", "?") + "'; only single-file NIfTI-1 (n+1) is read.");
		final Header h = new Header();
		h.order = b.order();
		final int rank = b.getShort(40);
		if (rank < 2 || rank > 7) throw new ImageFileException(file + ": dim[0] is " + rank + "; allowed: 2 to 7.");
		// dimensions of size 1 are left out (as of 4,3,1,2), but x and y are always kept
		final List<Integer> used = new ArrayList<>();
		for (int d = 0; d < rank; d++) {
			final int n = b.getShort(42 + 2 * d);
			if (n < 1) throw new ImageFileException(file + ": dim[" + (d + 1) + "] is " + n + "; it must be at least 1.");
			if (n > 1 || d < 2) used.add(d);
		}
		if (used.size() > 3) throw new ImageFileException(file + ": the image has " + used.size() +
			" dimensions larger than 1; only 2 and 3 are read.");
		h.dims = new long[used.size()];
		h.spacing = new double[used.size()];
		for (int i = 0; i < used.size(); i++) {
			final int d = used.get(i);
			h.dims[i] = b.getShort(42 + 2 * d);
			final float p = Math.abs(b.getFloat(80 + 4 * d));
			h.spacing[i] = p > 0 && Float.isFinite(p) ? p : 1;
		}
		if (h.dims[0] * h.dims[1] > Integer.MAX_VALUE - 8) throw new ImageFileException(file +
			": a plane of " + h.dims[0] + " x " + h.dims[1] + " voxels is more than can be held.");
		h.type = datatype(file, b.getShort(70));
		final float voxOffset = b.getFloat(108);
		if (!(voxOffset >= HEADER_BYTES) || voxOffset > Integer.MAX_VALUE) throw new ImageFileException(file +
			": vox_offset is " + voxOffset + "; it must be at least 348.");
		h.offset = (long) voxOffset;
		final float slope = b.getFloat(112), intercept = b.getFloat(116);
		// as nibabel: a slope of 0 or one that is not finite leaves the data unscaled, intercept too
		final boolean scaled = Float.isFinite(slope) && slope != 0;
		h.slope = scaled ? slope : 1;
		h.intercept = scaled && Float.isFinite(intercept) ? intercept : 0;
		return h;
	}

	private static MetaElementType datatype(final Path file, final int code) throws ImageFileException {
		switch (code) {
			case 2:
				return MetaElementType.MET_UCHAR;
			case 256:
				return MetaElementType.MET_CHAR;
			case 4:
				return MetaElementType.MET_SHORT;
			case 512:
				return MetaElementType.MET_USHORT;
			case 8:
				return MetaElementType.MET_INT;
			case 768:
				return MetaElementType.MET_UINT;
			case 16:
				return MetaElementType.MET_FLOAT;
			case 64:
				return MetaElementType.MET_DOUBLE;
			case 1024:
				return MetaElementType.MET_LONG_LONG;
			case 1280:
				return MetaElementType.MET_ULONG_LONG;
			default:
				throw new ImageFileException(file + ": unsupported datatype " + code +
					"; read: 2 (uint8), 256 (int8), 4 (int16), 512 (uint16), 8 (int32), 768 (uint32), 1024 (int64), " +
					"1280 (uint64), 16 (float32), 64 (float64).");
		}
	}

	private static void skip(final DataInputStream in, final long n, final Path file) throws IOException {
		for (long left = n; left > 0;) {
			final long s = in.skip(left);
			if (s <= 0) {
				if (in.read() < 0) throw new ImageFileException(file + ": the file ends before vox_offset.");
				left--;
			}
			else left -= s;
		}
	}

	private static void fill(final PlanarImg<?, ?> img, final DataInputStream in, final Header h, final Path file)
		throws IOException
	{
		final int size = h.type.bytes();
		final int chunk = 1 << 22;
		final byte[] bytes = new byte[chunk * size];
		for (int p = 0; p < img.numSlices(); p++) {
			final Object array = ((ArrayDataAccess<?>) img.getPlane(p)).getCurrentStorageArray();
			final int length = Array.getLength(array);
			for (int done = 0; done < length;) {
				final int n = Math.min(length - done, chunk);
				try {
					in.readFully(bytes, 0, n * size);
				}
				catch (final EOFException e) {
					throw new ImageFileException(file + ": the voxel data end early (truncated file).");
				}
				MetaImageReader.copy(ByteBuffer.wrap(bytes, 0, n * size).order(h.order), array, done, n);
				done += n;
			}
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static RandomAccessibleInterval<? extends RealType<?>> scaled(final PlanarImg<?, ?> img, final Header h) {
		return Rescale.view((RandomAccessibleInterval) img, h.slope, h.intercept);
	}
}
