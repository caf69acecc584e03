package io.github.imagearray.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.function.Consumer;

import io.github.imagearray.stats.Heap;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Opens image files by their extension: TIFF ({@code .tif}, {@code .tiff}) with {@link TiffReader},
 * MetaImage ({@code .mhd}, {@code .mha}) with {@link MetaImageReader#open}, plane by plane from
 * the file when uncompressed, NIfTI-1 ({@code .nii}, {@code .nii.gz}) with {@link NiftiReader}, and
 * HDF5 datasets ({@code file.h5:/path}) with {@link Hdf5Reader}, Zarr, OME-Zarr and N5 directories
 * with {@link ZarrReader}, DICOM series with {@link DicomSeries}, and folders of 2D images as volumes
 * with {@link SliceFolder}. This is the
 * one place that picks a reader.
 * <p>
 * {@code RandomAccessibleInterval<? extends RealType<?>> img = ImageFiles.open(Paths.get("ct.mhd"));}
 */
public final class ImageFiles {

	private ImageFiles() {
	}

	/**
	 * @param file an image file, or a folder of 2D images ({@link SliceFolder})
	 * @return its voxels, in the file's own pixel type
	 * @throws ImageFileException naming the file and the problem
	 */
	public static RandomAccessibleInterval<? extends RealType<?>> open(final Path file) throws IOException {
		return open(file, null);
	}

	/**
	 * @param file an image file, or a folder of 2D images ({@link SliceFolder})
	 * @param pattern for a folder, a glob that selects its files ({@code *.tif}); null for all images
	 * @return its voxels, in the file's own pixel type
	 * @throws ImageFileException naming the file and the problem, or a pattern given for a file
	 */
	public static RandomAccessibleInterval<? extends RealType<?>> open(final Path file, final String pattern)
		throws IOException
	{
		return open(file, pattern, null);
	}

	/**
	 * @param file an image file, or a folder of 2D images ({@link SliceFolder}) or DICOM files
	 *          ({@link DicomSeries})
	 * @param pattern for a folder of 2D images, a glob that selects its files; null for all images
	 * @param series for a folder of DICOM files, the Series Instance UID to read; null when it holds one
	 * @return its voxels, in the file's own pixel type
	 * @throws ImageFileException naming the file and the problem, or a pattern given for a file
	 */
	public static RandomAccessibleInterval<? extends RealType<?>> open(final Path file, final String pattern,
		final String series) throws IOException
	{
		return open(file, pattern, series, warning -> {});
	}

	/**
	 * As {@link #open(Path, String, String)}, telling {@code warnings} in one line each of what the
	 * file records but the reader does not apply (a TIFF's calibration function other than ImageJ's
	 * straight line).
	 */
	public static RandomAccessibleInterval<? extends RealType<?>> open(final Path file, final String pattern,
		final String series, final Consumer<String> warnings) throws IOException
	{
		if (Hdf5Reader.isHdf5(file) && !Files.isDirectory(file)) {
			final String[] source = Hdf5Reader.split(file);
			return Hdf5Reader.open(Paths.get(source[0]), source[1]);
		}
		if (!Files.exists(file)) throw new ImageFileException("File not found: " + file);
		if (Files.isDirectory(file)) {
			if (pattern == null && ZarrReader.isStore(file)) return ZarrReader.open(file);
			if (pattern == null && DicomSeries.isSeries(file)) return DicomSeries.open(file, series);
			return SliceFolder.open(file, pattern);
		}
		if (pattern != null) throw new ImageFileException(file + ": a pattern (" + pattern +
			") selects the files of a folder, but this is a file.");
		final String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".mhd") || name.endsWith(".mha")) return MetaImageReader.open(file);
		if (name.endsWith(".nii") || name.endsWith(".nii.gz")) return NiftiReader.read(file);
		if (name.endsWith(".tif") || name.endsWith(".tiff")) return TiffReader.open(file, warnings);
		throw new ImageFileException(file + ": unsupported file type; ImageArray reads .tif, .tiff, .mhd, .mha, .nii, " +
			".nii.gz, HDF5 (.h5, .hdf5, .hdf, .he5, .nxs) and folders of 2D images.");
	}

	/**
	 * @return the voxel size along x, y and z that the file records (ElementSpacing, pixdim, or the
	 *         TIFF's calibration), 1 where it records none
	 */
	public static double[] voxelSize(final Path file) throws IOException {
		return voxelSize(file, null);
	}

	/** As {@link #voxelSize(Path)}, for a folder from its first file that the pattern selects. */
	public static double[] voxelSize(final Path file, final String pattern) throws IOException {
		return voxelSize(file, pattern, null);
	}

	/** As {@link #voxelSize(Path)}, for the folder's files or DICOM series that these select. */
	public static double[] voxelSize(final Path file, final String pattern, final String series) throws IOException {
		if (Files.isDirectory(file)) {
			if (pattern == null && ZarrReader.isStore(file)) return ZarrReader.voxelSize(file);
			if (pattern == null && DicomSeries.isSeries(file)) return DicomSeries.voxelSize(file, series);
			return SliceFolder.voxelSize(file, pattern);
		}
		if (Hdf5Reader.isHdf5(file)) {
			final String[] source = Hdf5Reader.split(file);
			return Hdf5Reader.voxelSize(Paths.get(source[0]), source[1]);
		}
		final String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		final double[] size = { 1, 1, 1 };
		if (name.endsWith(".mhd") || name.endsWith(".mha")) {
			final double[] spacing = MetaImageHeader.read(file).spacing();
			System.arraycopy(spacing, 0, size, 0, spacing.length);
		}
		else if (name.endsWith(".nii") || name.endsWith(".nii.gz")) {
			final double[] spacing = NiftiReader.spacing(file);
			System.arraycopy(spacing, 0, size, 0, spacing.length);
		}
		else if (name.endsWith(".tif") || name.endsWith(".tiff")) return TiffReader.voxelSize(file);
		return size;
	}

	/**
	 * @param name the file, for the message
	 * @param bytes what reading it into memory takes
	 * @throws ImageFileException when the heap cannot hold that much
	 */
	static void checkMemory(final String name, final long bytes) throws ImageFileException {
		if (!Heap.holds(bytes)) throw new ImageFileException(name + ": the image needs " + (bytes >> 20) +
			" MiB but the Java heap has only " + (Heap.free() >> 20) + " MiB free; run Java with a larger -Xmx.");
	}
}
