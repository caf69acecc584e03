package io.github.imagearray.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * DICOM as one volume: a folder of DICOM files (CT, MR…), single-frame or multi-frame, or one
 * multi-frame file (Enhanced CT/MR/PET, RT Dose, SEG, cine). The frames are ordered by Image
 * Position (Patient) along the slice normal (by Instance Number and frame where a position is
 * missing), Rescale Slope and Intercept — per frame in enhanced images, Dose Grid Scaling in RT Dose
 * — applied (Hounsfield units, Gy: the voxels become float64, exact for 16-bit data), the voxel size
 * from Pixel Spacing and the distance between slice positions. A folder of several series is
 * refused listing their Series Instance UIDs, unless one is chosen. Read: uncompressed (implicit
 * and explicit VR, little and big endian), deflated, RLE Lossless and JPEG (lossless exactly,
 * baseline with a warning that the values are lossy); 1-bit data (SEG) as 0 and 1, a SEG of several
 * segments as labels (each voxel its segment's number). JPEG-LS and JPEG 2000 are refused naming the
 * syntax. In a folder, files that hold no image are left out with a warning. Each frame is read from
 * its file when needed.
 * <p>
 * {@code ImageFile ct = new DicomSeries().open(Paths.get("series"), OpenOptions.NONE);}
 */
public final class DicomSeries implements ImageFormat {

	@Override
	public String name() {
		return "DICOM series";
	}

	/**
	 * @return whether the path is a DICOM file (or named {@code .dcm}, {@code .dicom}), or a folder
	 *         whose first or second file is DICOM, unless a pattern selects files
	 */
	@Override
	public boolean recognises(final Path path, final OpenOptions options) {
		if (options.pattern() != null) return false;
		if (Files.isDirectory(path)) return isSeries(path);
		// a file named as DICOM that does not start as DICOM is refused as such, not as of no known type
		return Files.isRegularFile(path) && (ImageFiles.hasExtension(path, ".dcm", ".dicom") || DicomDataSet
			.looksLikeDicom(path));
	}

	/**
	 * @return the series {@link OpenOptions#series} names (or the folder's only one), and Pixel
	 *         Spacing with the median distance between slices as the voxel size, from one reading of
	 *         the files' headers
	 */
	@Override
	public ImageFile open(final Path path, final OpenOptions options) throws IOException {
		final List<DicomImage> images = images(path, options);
		final List<Plane> planes = planes(path, images);
		for (final DicomImage image : images)
			if (DicomJpeg.lossy(image.ds.syntax)) {
				options.warn(image.file + ": lossy JPEG (transfer syntax " + image.ds.syntax + "): the values differ " +
					"from those the scanner measured.");
				break;
			}
		return new ImageFile(this, volume(planes), voxelSize(planes));
	}

	/** One plane of the volume: a frame of an image. */
	private static final class Plane {

		final DicomImage image;
		final DicomFrames.Frame frame;
		/** In a SEG of several segments, the frames of the other segments at this position. */
		final List<DicomFrames.Frame> otherSegments = new ArrayList<>();

		Plane(final DicomImage image, final DicomFrames.Frame frame) {
			this.image = image;
			this.frame = frame;
		}

		/** @return "IM0003" or "enhanced.dcm frame 7", for messages */
		String name() {
			return image.file.getFileName() + (image.frameCount > 1 ? " frame " + (frame.index + 1) : "");
		}
	}

	/**
	 * @return whether the folder's first or second file (in name order) is a DICOM file: a series
	 *         whose first file is broken, or a README sorted first, is still refused or read as DICOM
	 */
	public static boolean isSeries(final Path dir) {
		try {
			final List<Path> files = files(dir);
			for (int i = 0; i < Math.min(2, files.size()); i++)
				if (DicomDataSet.looksLikeDicom(files.get(i))) return true;
			return false;
		}
		catch (final IOException e) {
			return false;
		}
	}

	/** @return the volume of the planes, in their stored type or, rescaled, float64 */
	private static RandomAccessibleInterval<? extends RealType<?>> volume(final List<Plane> planes) {
		final DicomImage first = planes.get(0).image;
		final int segments = segments(planes);
		if (segments > 1) return labels(planes, segments);
		final MetaElementType raw = first.storedType();
		boolean rescaled = false;
		for (final Plane p : planes)
			rescaled |= p.frame.slope != 1 || p.frame.intercept != 0;
		final MetaElementType type = rescaled ? MetaElementType.MET_DOUBLE : raw;
		final long[] dims = { first.columns, first.rows, planes.size() };
		final boolean scale = rescaled;
		return PlanarFile.open(dims, (p, from, length) -> {
			final Plane plane = planes.get(p);
			final Object values;
			try {
				values = plane.image.frame(plane.frame.index, from, length);
			}
			catch (final IOException e) {
				throw new UncheckedIOException(e);
			}
			return scale ? rescale(values, raw, plane.frame.slope, plane.frame.intercept) : values;
		}, type);
	}

	/** @return the largest segment number of a SEG of several segments, else 0 */
	private static int segments(final List<Plane> planes) {
		final TreeSet<Integer> numbers = new TreeSet<>();
		for (final Plane p : planes) {
			if (!p.image.segmentation) return 0;
			numbers.add(p.frame.segment);
			for (final DicomFrames.Frame f : p.otherSegments)
				numbers.add(f.segment);
		}
		return numbers.size() > 1 ? numbers.last() : 0;
	}

	/**
	 * @return a SEG of several segments as a label image: each voxel the number of the segment that
	 *         holds it, 0 where none does; a voxel of two segments is refused when read
	 */
	private static RandomAccessibleInterval<? extends RealType<?>> labels(final List<Plane> planes, final int largest) {
		final DicomImage first = planes.get(0).image;
		final MetaElementType type = largest > 255 ? MetaElementType.MET_USHORT : MetaElementType.MET_UCHAR;
		final long[] dims = { first.columns, first.rows, planes.size() };
		return PlanarFile.open(dims, (p, from, length) -> {
			final Plane plane = planes.get(p);
			// each voxel's label, and the frame that gave it, for the message if another claims it
			final int[] labels = new int[length], labelFrames = new int[length];
			final List<DicomFrames.Frame> frames = new ArrayList<>(plane.otherSegments);
			frames.add(0, plane.frame);
			try {
				for (final DicomFrames.Frame f : frames) {
					final byte[] bits = (byte[]) plane.image.frame(f.index, from, length);
					for (int i = 0; i < length; i++)
						if (bits[i] != 0) {
							if (labels[i] != 0) throw new ImageFileException(plane.image.file + ": segments " + labels[i] +
								" and " + f.segment + " overlap at voxel " + (from + i) % first.columns + ", " + (from + i) /
									first.columns + " of frames " + (labelFrames[i] + 1) + " and " + (f.index + 1) +
								"; a label image gives each voxel one segment.");
							labels[i] = f.segment;
							labelFrames[i] = f.index;
						}
				}
			}
			catch (final IOException e) {
				throw new UncheckedIOException(e);
			}
			final Object values = PlanarFile.newArray(type, length);
			for (int i = 0; i < length; i++)
				if (type == MetaElementType.MET_UCHAR) ((byte[]) values)[i] = (byte) labels[i];
				else ((short[]) values)[i] = (short) labels[i];
			return values;
		}, type);
	}

	/** @return the voxel size along x, y and z: Pixel Spacing, and the median distance between slices */
	private static double[] voxelSize(final List<Plane> planes) {
		final double[] spacing = planes.get(0).frame.spacing;
		final double[] size = { 1, 1, 1 };
		if (spacing != null && spacing.length == 2) {
			size[0] = spacing[1];
			size[1] = spacing[0];
		}
		final double[] gaps = new double[planes.size() - 1];
		for (int i = 1; i < planes.size(); i++)
			gaps[i - 1] = Math.abs(planes.get(i).frame.along - planes.get(i - 1).frame.along);
		Arrays.sort(gaps);
		if (gaps.length > 0 && gaps[gaps.length / 2] > 0) size[2] = gaps[gaps.length / 2];
		return size;
	}

	/** @return the Series Instance UIDs of the folder's DICOM files (or of the file), for a choice */
	public static List<String> seriesUids(final Path path) throws IOException {
		final TreeSet<String> uids = new TreeSet<>();
		for (final DicomImage image : read(path, warning -> {}))
			uids.add(image.series);
		return new ArrayList<>(uids);
	}

	/**
	 * @param warnings told of the files of a folder that hold no image (a DICOMDIR, a report beside
	 *          the series), which are left out
	 * @return the images of a file, or of every file of a folder
	 */
	private static List<DicomImage> read(final Path path, final Consumer<String> warnings) throws IOException {
		if (!Files.isDirectory(path)) {
			if (!DicomDataSet.looksLikeDicom(path)) throw notDicom(path, ".");
			return new ArrayList<>(Arrays.asList(DicomImage.read(path)));
		}
		final List<DicomImage> all = new ArrayList<>();
		for (final Path f : files(path)) {
			if (!DicomDataSet.looksLikeDicom(f)) throw notDicom(f, ", in a folder of DICOM files.");
			final DicomImage image = DicomImage.readImage(f);
			if (image != null) all.add(image);
			else warnings.accept(DicomImage.noImage(DicomDataSet.read(f)) + " Left out.");
		}
		return all;
	}

	/** @return "IM0003: not a DICOM file: neither DICM at byte 128 nor …" and {@code end} */
	private static ImageFileException notDicom(final Path file, final String end) {
		return new ImageFileException(file + ": not a DICOM file: neither DICM at byte 128 nor a DICOM element of " +
			"group 0002 or 0008 at its start" + end);
	}

	private static List<DicomImage> images(final Path path, final OpenOptions options) throws IOException {
		final String series = options.series();
		final List<DicomImage> all = read(path, options::warn);
		if (all.isEmpty()) throw new ImageFileException(path + ": no DICOM image in this folder.");
		final TreeSet<String> uids = new TreeSet<>();
		for (final DicomImage s : all)
			uids.add(s.series);
		final TreeSet<String> named = new TreeSet<>(uids);
		named.remove("");
		if (series == null && uids.size() > 1) throw new ImageFileException(path + ": the folder holds " + uids.size() +
			" series; choose one with --series UID: " + String.join(", ", named) + (named.size() < uids.size() ?
				" (and files without Series Instance UID (0020,000E))" : "") + ".");
		final List<DicomImage> images = new ArrayList<>();
		for (final DicomImage s : all)
			if (series == null || s.series.equals(series)) images.add(s);
		if (images.isEmpty()) throw new ImageFileException(path + ": no file of series " + series + "; the " +
			(Files.isDirectory(path) ? "folder" : "file") + " holds " + String.join(", ", uids) + ".");
		return images;
	}

	/** @return every frame of the images, checked to agree in size and type, in order */
	private static List<Plane> planes(final Path path, final List<DicomImage> images) throws ImageFileException {
		final DicomImage first = images.get(0);
		final List<Plane> planes = new ArrayList<>();
		for (final DicomImage s : images) {
			if (s.rows != first.rows || s.columns != first.columns || s.bitsAllocated != first.bitsAllocated ||
				s.signed != first.signed) throw new ImageFileException(s.file + ": " + s.columns + " x " + s.rows + " " + s
					.type() + " while " + first.file.getFileName() + " is " + first.columns + " x " + first.rows + " " + first
						.type() + "; the slices of a series must agree in size and type.");
			for (final DicomFrames.Frame f : s.frames)
				planes.add(new Plane(s, f));
		}
		order(path, planes);
		return planes;
	}

	/**
	 * Orders the planes by their position along the normal of the first's orientation, or by
	 * Instance Number and frame where any lacks a position; two planes at one position are refused.
	 */
	private static void order(final Path path, final List<Plane> planes) throws ImageFileException {
		final double[] o = planes.get(0).frame.orientation;
		boolean positioned = o != null;
		for (final Plane p : planes)
			positioned &= p.frame.position != null;
		if (positioned) {
			final double[] n = DicomFrames.normal(o);
			for (final Plane p : planes)
				p.frame.along = n[0] * p.frame.position[0] + n[1] * p.frame.position[1] + n[2] * p.frame.position[2];
			planes.sort(Comparator.comparingDouble(p -> p.frame.along));
			for (int i = 1; i < planes.size(); i++) {
				final Plane before = planes.get(i - 1), plane = planes.get(i);
				if (plane.frame.along != before.frame.along) continue;
				if (!otherSegment(before, plane)) throw new ImageFileException(path + ": " + before.name() + " and " +
					plane.name() + " lie at the same position " + Arrays.toString(plane.frame.position) +
					"; a volume has one plane per position.");
				// a SEG's segments share positions: their frames make one plane of labels
				before.otherSegments.add(plane.frame);
				planes.remove(i--);
			}
			return;
		}
		if (planes.size() > 1) for (final Plane p : planes)
			if (p.image.instance == Integer.MIN_VALUE && p.image.frameCount == 1) throw new ImageFileException(
				p.image.file + ": neither Image Position (Patient) nor Instance Number orders it among the series' " +
					"slices.");
		planes.sort(Comparator.<Plane> comparingInt(p -> p.image.instance).thenComparingInt(p -> p.frame.index));
		for (int i = 0; i < planes.size(); i++)
			planes.get(i).frame.along = i;
	}

	/** @return whether {@code plane} is a frame of another segment than those of {@code at}, in the same SEG */
	private static boolean otherSegment(final Plane at, final Plane plane) {
		if (!plane.image.segmentation || plane.image != at.image || plane.frame.segment == at.frame.segment) return false;
		for (final DicomFrames.Frame f : at.otherSegments)
			if (f.segment == plane.frame.segment) return false;
		return true;
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
