package io.github.imagearray.io;

import io.github.imagearray.OneLine;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * A folder of single-frame DICOM files (CT, MR) as one volume: ordered by Image Position (Patient)
 * along the slice normal (by Instance Number where a position is missing), Rescale Slope and
 * Intercept applied (Hounsfield units for CT: the voxels become float64, exact for 16-bit data),
 * the voxel size from Pixel Spacing and the distance between slice positions. A folder of several
 * series is refused listing their Series Instance UIDs, unless one is chosen. Uncompressed transfer
 * syntaxes are read (implicit and explicit VR, little and big endian); compressed ones (JPEG, RLE,
 * …) are refused naming the syntax. Each plane is read from its file when needed.
 * <p>
 * {@code ImageFile ct = new DicomSeries().open(Paths.get("series"), OpenOptions.NONE);}
 */
public final class DicomSeries implements ImageFormat {

	private static final String IMPLICIT_LE = "1.2.840.10008.1.2", EXPLICIT_LE = "1.2.840.10008.1.2.1",
		EXPLICIT_BE = "1.2.840.10008.1.2.2";
	/** Value representations whose length takes four bytes in explicit VR. */
	private static final List<String> LONG_VRS = Arrays.asList("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC",
		"UN", "UR", "UT", "UV");
	private static final int PIXEL_DATA = 0x7FE00010;
	/** The fields read whose values are number strings (VR DS or IS). */
	private static final Set<Integer> NUMBER_STRINGS = new HashSet<>(Arrays.asList(0x00200013, 0x00200032, 0x00200037,
		0x00280008, 0x00280030, 0x00281052, 0x00281053));

	@Override
	public String name() {
		return "DICOM series";
	}

	/** @return whether the path is a folder whose first file is DICOM, unless a pattern selects files */
	@Override
	public boolean recognises(final Path path, final OpenOptions options) {
		return options.pattern() == null && Files.isDirectory(path) && isSeries(path);
	}

	/**
	 * @return the series {@link OpenOptions#series} names (or the folder's only one), and Pixel
	 *         Spacing with the median distance between slices as the voxel size, from one reading of
	 *         the files' headers
	 */
	@Override
	public ImageFile open(final Path dir, final OpenOptions options) throws IOException {
		final List<Slice> slices = slices(dir, options.series());
		return new ImageFile(this, volume(slices), voxelSize(slices));
	}

	/** The header fields of one file that the volume needs. */
	static final class Slice {

		Path file;
		String series = "";
		int instance = Integer.MIN_VALUE;
		double[] position;
		double[] orientation;
		int rows, columns, bitsAllocated, samples = 1, frames = 1, signed;
		double[] spacing;
		double slope = 1, intercept;
		String photometric = "MONOCHROME2";
		long pixelOffset = -1, pixelLength;
		boolean bigEndian;
		/** The slice's position along the normal, where known. */
		double along = Double.NaN;

		String type() {
			return (signed == 1 ? "int" : "uint") + bitsAllocated;
		}
	}

	/** @return whether the file starts as a DICOM Part 10 file does ("DICM" after 128 bytes) */
	static boolean isDicom(final Path file) {
		try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ)) {
			final ByteBuffer b = ByteBuffer.allocate(4);
			return c.size() > 132 && c.read(b, 128) == 4 && "DICM".equals(new String(b.array(), StandardCharsets.US_ASCII));
		}
		catch (final IOException e) {
			return false;
		}
	}

	/** @return whether the folder's first file (in name order) is a DICOM file */
	public static boolean isSeries(final Path dir) {
		try {
			final List<Path> files = files(dir);
			return !files.isEmpty() && isDicom(files.get(0));
		}
		catch (final IOException e) {
			return false;
		}
	}

	/** @return the volume of the slices, in their stored type or, rescaled, float64 */
	private static RandomAccessibleInterval<? extends RealType<?>> volume(final List<Slice> slices) {
		final Slice first = slices.get(0);
		final MetaElementType raw = rawType(first);
		boolean rescaled = false;
		for (final Slice s : slices)
			rescaled |= s.slope != 1 || s.intercept != 0;
		final MetaElementType type = rescaled ? MetaElementType.MET_DOUBLE : raw;
		final long[] dims = { first.columns, first.rows, slices.size() };
		final boolean scale = rescaled;
		return PlanarFile.open(dims, (p, from, length) -> {
			final Slice s = slices.get(p);
			final Object values = PlanarFile.read(s.file, s.pixelOffset + from * raw.bytes(), length, raw, s.bigEndian,
				p);
			return scale ? rescale(values, raw, s.slope, s.intercept) : values;
		}, type);
	}

	/** @return the voxel size along x, y and z: Pixel Spacing, and the median distance between slices */
	private static double[] voxelSize(final List<Slice> slices) {
		final Slice first = slices.get(0);
		final double[] size = { 1, 1, 1 };
		if (first.spacing != null && first.spacing.length == 2) {
			size[0] = first.spacing[1];
			size[1] = first.spacing[0];
		}
		final double[] gaps = new double[slices.size() - 1];
		for (int i = 1; i < slices.size(); i++)
			gaps[i - 1] = Math.abs(slices.get(i).along - slices.get(i - 1).along);
		Arrays.sort(gaps);
		if (gaps.length > 0 && gaps[gaps.length / 2] > 0) size[2] = gaps[gaps.length / 2];
		return size;
	}

	/** @return the Series Instance UIDs of the folder's DICOM files, for a choice */
	public static List<String> seriesUids(final Path dir) throws IOException {
		final TreeSet<String> uids = new TreeSet<>();
		for (final Path f : files(dir))
			uids.add(header(f).series);
		return new ArrayList<>(uids);
	}

	private static List<Slice> slices(final Path dir, final String series) throws IOException {
		final List<Slice> all = new ArrayList<>();
		for (final Path f : files(dir))
			all.add(header(f));
		if (all.isEmpty()) throw new ImageFileException(dir + ": no DICOM files in this folder.");
		final TreeSet<String> uids = new TreeSet<>();
		for (final Slice s : all)
			uids.add(s.series);
		final List<Slice> slices = new ArrayList<>();
		if (series == null && uids.size() > 1) throw new ImageFileException(dir + ": the folder holds " + uids.size() +
			" series; choose one with --series UID: " + String.join(", ", uids) + ".");
		for (final Slice s : all)
			if (series == null || s.series.equals(series)) slices.add(s);
		if (slices.isEmpty()) throw new ImageFileException(dir + ": no file of series " + series + "; the folder holds " +
			String.join(", ", uids) + ".");
		check(slices);
		order(dir, slices);
		return slices;
	}

	/** Every slice must be a single-frame grey image of the first's size and type. */
	private static void check(final List<Slice> slices) throws IOException {
		final Slice first = slices.get(0);
		for (final Slice s : slices) {
			if (s.pixelOffset < 0) throw new ImageFileException(s.file + ": no pixel data.");
			if (s.samples != 1 || !s.photometric.startsWith("MONOCHROME")) throw new ImageFileException(s.file + ": " +
				s.samples + " samples per pixel, " + s.photometric + "; ImageArray measures grey (MONOCHROME) images.");
			if (s.frames != 1) throw new ImageFileException(s.file + ": " + s.frames +
				" frames; a series of single-frame files is read.");
			if (s.bitsAllocated != 8 && s.bitsAllocated != 16 && s.bitsAllocated != 32) throw new ImageFileException(s.file +
				": " + s.bitsAllocated + " bits allocated; read: 8, 16 and 32.");
			if (s.rows != first.rows || s.columns != first.columns || s.bitsAllocated != first.bitsAllocated ||
				s.signed != first.signed) throw new ImageFileException(s.file + ": " + s.columns + " x " + s.rows + " " + s
					.type() + " while " + first.file.getFileName() + " is " + first.columns + " x " + first.rows + " " + first
						.type() + "; the slices of a series must agree in size and type.");
			final long needed = (long) s.rows * s.columns * (s.bitsAllocated / 8);
			if (s.pixelLength < needed || s.pixelOffset + needed > Files.size(s.file)) throw new ImageFileException(
				s.file + ": the pixel data hold " + Math.min(s.pixelLength, Files.size(s.file) - s.pixelOffset) +
					" bytes but " + s.columns + " x " + s.rows + " " + s.type() + " needs " + needed + " (truncated file).");
		}
	}

	/**
	 * Orders the slices by their position along the normal of the first's orientation, or by
	 * Instance Number where any lacks a position.
	 */
	private static void order(final Path dir, final List<Slice> slices) throws ImageFileException {
		final double[] o = slices.get(0).orientation;
		boolean positioned = o != null && o.length == 6;
		for (final Slice s : slices)
			positioned &= s.position != null && s.position.length == 3;
		if (positioned) {
			final double[] n = { o[1] * o[5] - o[2] * o[4], o[2] * o[3] - o[0] * o[5], o[0] * o[4] - o[1] * o[3] };
			for (final Slice s : slices)
				s.along = n[0] * s.position[0] + n[1] * s.position[1] + n[2] * s.position[2];
			slices.sort(Comparator.comparingDouble(s -> s.along));
			return;
		}
		for (final Slice s : slices)
			if (s.instance == Integer.MIN_VALUE) throw new ImageFileException(s.file +
				": neither Image Position (Patient) nor Instance Number orders it among the series' slices.");
		slices.sort(Comparator.comparingInt(s -> s.instance));
		for (int i = 0; i < slices.size(); i++)
			slices.get(i).along = i;
	}

	private static List<Path> files(final Path dir) throws IOException {
		final List<Path> files = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
			for (final Path f : entries)
				if (!f.getFileName().toString().startsWith(".") && Files.isRegularFile(f)) files.add(f);
		}
		files.sort(Comparator.comparing(f -> f.getFileName().toString(), SliceFolder::natural));
		return files;
	}

	/** @return the fields of a file's header, read element by element up to the pixel data */
	static Slice header(final Path file) throws IOException {
		if (!isDicom(file)) throw new ImageFileException(file + ": not a DICOM file (no DICM after the preamble).");
		final Slice s = new Slice();
		s.file = file;
		final long size = Files.size(file);
		// the header lies before the pixel data: a few MiB hold it in any real file
		final ByteBuffer b = ByteBuffer.allocate((int) Math.min(size, 8 << 20)).order(ByteOrder.LITTLE_ENDIAN);
		try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ)) {
			while (b.hasRemaining() && c.read(b) > 0) {
				// read on
			}
		}
		b.flip().position(132);
		try {
			// the meta group is explicit VR little endian; the data set is in the transfer syntax
			String syntax = IMPLICIT_LE;
			while (b.remaining() >= 8 && (b.getShort(b.position()) & 0xffff) == 2) {
				final Element e = element(b, true, file, s);
				if (e.value != null && e.tag == 0x00020010) syntax = text(e.value);
			}
			if (!syntax.equals(IMPLICIT_LE) && !syntax.equals(EXPLICIT_LE) && !syntax.equals(EXPLICIT_BE))
				throw new ImageFileException(file + ": transfer syntax " + syntax + " (compressed) is not decoded; " +
					"read: implicit and explicit VR little endian, explicit VR big endian.");
			final boolean explicit = !syntax.equals(IMPLICIT_LE);
			s.bigEndian = syntax.equals(EXPLICIT_BE);
			b.order(s.bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
			while (b.remaining() >= 8 && s.pixelOffset < 0) {
				final Element e = element(b, explicit, file, s);
				if (e.value != null) field(s, e.tag, e.value, b.order());
			}
		}
		catch (final RuntimeException e) {
			throw new ImageFileException(file + ": a broken DICOM header (" + OneLine.reason(e) + ").", e);
		}
		if (s.pixelOffset < 0) throw new ImageFileException(file + ": no pixel data.");
		return s;
	}

	/** One element of a header: its tag and value. */
	private static final class Element {

		final int tag;
		final byte[] value;

		Element(final int tag, final byte[] value) {
			this.tag = tag;
			this.value = value;
		}
	}

	/**
	 * Reads one element; for the pixel data, notes where they are in {@code s} instead.
	 *
	 * @return the element; its value null for the pixel data and for sequences (skipped)
	 */
	private static Element element(final ByteBuffer b, final boolean explicit, final Path file, final Slice s)
		throws ImageFileException
	{
		final int tag = (b.getShort() & 0xffff) << 16 | b.getShort() & 0xffff;
		final long length;
		if (explicit) {
			final String vr = new String(new byte[] { b.get(), b.get() }, StandardCharsets.US_ASCII);
			if (LONG_VRS.contains(vr)) {
				b.getShort();
				length = b.getInt() & 0xffffffffL;
			}
			else length = b.getShort() & 0xffff;
		}
		else length = b.getInt() & 0xffffffffL;
		if (tag == PIXEL_DATA) {
			if (length == 0xffffffffL) throw new ImageFileException(file +
				": encapsulated (compressed) pixel data; only uncompressed transfer syntaxes are read.");
			s.pixelOffset = b.position();
			s.pixelLength = length;
			return new Element(tag, null);
		}
		if (length == 0xffffffffL) {
			skipUndefined(b);
			return new Element(tag, null);
		}
		if (length > b.remaining()) throw new ImageFileException(file + ": element (" + String.format("%04X,%04X",
			tag >>> 16, tag & 0xffff) + ") of " + length + " bytes runs beyond the file (truncated file?).");
		final byte[] value = new byte[(int) length];
		b.get(value);
		return new Element(tag, value);
	}

	/** Skips a sequence or item of undefined length, up to its delimiter. */
	private static void skipUndefined(final ByteBuffer b) {
		int depth = 1;
		while (depth > 0) {
			final int tag = (b.getShort() & 0xffff) << 16 | b.getShort() & 0xffff;
			final long length = b.getInt() & 0xffffffffL;
			if (tag == 0xFFFEE0DD || tag == 0xFFFEE00D) depth--;
			else if (tag == 0xFFFEE000) {
				if (length == 0xffffffffL) depth++;
				else b.position(b.position() + (int) length);
			}
			else {
				// an element inside an item of undefined length: implicit VR is read as 4-byte lengths
				if (length == 0xffffffffL) depth++;
				else b.position(b.position() + (int) length);
			}
		}
	}

	private static void field(final Slice s, final int tag, final byte[] value, final ByteOrder order) {
		// a value of zero length, or a number string of blanks, is an absent value (PS3.5 6.2), not an error
		if (value.length == 0 || NUMBER_STRINGS.contains(tag) && text(value).isEmpty()) return;
		if (tag >>> 16 == 0x0020) relationshipField(s, tag, value);
		else imagePixelField(s, tag, value, ByteBuffer.wrap(value).order(order));
	}

	/** The fields of group 0020 (relationship): series, instance, position and orientation. */
	private static void relationshipField(final Slice s, final int tag, final byte[] value) {
		switch (tag) {
			case 0x0020000E:
				s.series = text(value);
				break;
			case 0x00200013:
				s.instance = (int) numbers(value)[0];
				break;
			case 0x00200032:
				s.position = numbers(value);
				break;
			case 0x00200037:
				s.orientation = numbers(value);
				break;
			default:
				// not needed for the volume
		}
	}

	/** The fields of group 0028 (image pixel): the layout of the samples and their rescaling. */
	private static void imagePixelField(final Slice s, final int tag, final byte[] value, final ByteBuffer v) {
		switch (tag) {
			case 0x00280002:
				s.samples = v.getShort() & 0xffff;
				break;
			case 0x00280004:
				s.photometric = text(value);
				break;
			case 0x00280008:
				s.frames = (int) numbers(value)[0];
				break;
			case 0x00280010:
				s.rows = v.getShort() & 0xffff;
				break;
			case 0x00280011:
				s.columns = v.getShort() & 0xffff;
				break;
			case 0x00280030:
				s.spacing = numbers(value);
				break;
			case 0x00280100:
				s.bitsAllocated = v.getShort() & 0xffff;
				break;
			case 0x00280103:
				s.signed = v.getShort() & 0xffff;
				break;
			case 0x00281052:
				s.intercept = numbers(value)[0];
				break;
			case 0x00281053:
				s.slope = numbers(value)[0];
				break;
			default:
				// not needed for the volume
		}
	}

	private static String text(final byte[] value) {
		return new String(value, StandardCharsets.US_ASCII).replace('\0', ' ').trim();
	}

	/** @return the numbers of a decimal or integer string value, separated by backslashes */
	private static double[] numbers(final byte[] value) {
		final String[] parts = text(value).split("\\\\");
		final double[] n = new double[parts.length];
		for (int i = 0; i < parts.length; i++)
			n[i] = Double.parseDouble(parts[i].trim());
		return n;
	}

	private static MetaElementType rawType(final Slice s) {
		return MetaElementType.of(s.signed == 1 ? 'i' : 'u', s.bitsAllocated / 8);
	}

	/** @return slope × value + intercept of every stored value, as doubles */
	private static double[] rescale(final Object values, final MetaElementType raw, final double slope,
		final double intercept)
	{
		final int n = Array.getLength(values);
		final double[] out = new double[n];
		for (int i = 0; i < n; i++) {
			final double v;
			switch (raw) {
				case MET_UCHAR:
					v = ((byte[]) values)[i] & 0xff;
					break;
				case MET_CHAR:
					v = ((byte[]) values)[i];
					break;
				case MET_USHORT:
					v = ((short[]) values)[i] & 0xffff;
					break;
				case MET_SHORT:
					v = ((short[]) values)[i];
					break;
				case MET_UINT:
					v = ((int[]) values)[i] & 0xffffffffL;
					break;
				default:
					v = ((int[]) values)[i];
			}
			out[i] = slope * v + intercept;
		}
		return out;
	}
}
