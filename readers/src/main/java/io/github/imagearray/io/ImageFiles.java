package io.github.imagearray.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import io.github.imagearray.stats.Heap;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * The registry of the {@link ImageFormat formats} ImageArray reads, the one place that picks a
 * reader: HDF5 datasets ({@code file.h5:/path}), Zarr, OME-Zarr and N5 directories, DICOM series,
 * folders of 2D images, MetaImage ({@code .mhd}, {@code .mha}), NIfTI-1 ({@code .nii},
 * {@code .nii.gz}) and TIFF ({@code .tif}, {@code .tiff}). The first format that recognises a path
 * opens it, once.
 * <p>
 * {@code ImageFile ct = ImageFiles.read(Paths.get("ct.mhd"), OpenOptions.NONE);}
 */
public final class ImageFiles {

	/** Every format, in the order they are asked: the folders' by what they hold before any folder. */
	private static final List<ImageFormat> FORMATS = Collections.unmodifiableList(Arrays.asList(new Hdf5Reader(),
		new ZarrReader(), new DicomSeries(), new SliceFolder(), new MetaImageReader(), new NiftiReader(),
		new TiffReader()));

	private ImageFiles() {
	}

	/** @return the formats read, in the order they are asked */
	public static List<ImageFormat> formats() {
		return FORMATS;
	}

	/**
	 * @param file an image file, an HDF5 source ({@code scan.h5:/dataset}), or a folder: a Zarr or N5
	 *          store, a DICOM series or 2D images
	 * @return its voxels, in the file's own pixel type
	 * @throws ImageFileException naming the file and the problem
	 */
	public static RandomAccessibleInterval<? extends RealType<?>> open(final Path file) throws IOException {
		return read(file, OpenOptions.NONE).image();
	}

	/**
	 * @param path an image file, an HDF5 source ({@code scan.h5:/dataset}), or a folder: a Zarr or N5
	 *          store, a DICOM series or 2D images
	 * @param options for a folder of 2D images a pattern, for a DICOM folder a series, and who is
	 *          told of what is left out
	 * @return the image, opened by the first format that recognises it
	 * @throws ImageFileException naming the file and the problem, or a pattern given for a file
	 */
	public static ImageFile read(final Path path, final OpenOptions options) throws IOException {
		final boolean hdf5 = Hdf5Reader.isHdf5(path) && !Files.isDirectory(path);
		if (!hdf5 && !Files.exists(path)) throw new ImageFileException("File not found: " + path);
		if (options.pattern() != null && !hdf5 && !Files.isDirectory(path)) throw new ImageFileException(path +
			": a pattern (" + options.pattern() + ") selects the files of a folder, but this is a file.");
		for (final ImageFormat format : FORMATS)
			if (format.recognises(path, options)) return format.open(path, options);
		throw new ImageFileException(path + ": unsupported file type; ImageArray reads .tif, .tiff, .mhd, .mha, .nii, " +
			".nii.gz, HDF5 (.h5, .hdf5, .hdf, .he5, .nxs), DICOM files and folders, and folders of 2D images.");
	}

	/** @return whether the file's name ends with one of the extensions, in any case */
	static boolean hasExtension(final Path file, final String... extensions) {
		final Path name = file.getFileName();
		final String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
		for (final String e : extensions)
			if (lower.endsWith(e)) return true;
		return false;
	}

	/**
	 * @param name the file, for the message
	 * @param bytes what reading it into memory takes
	 * @throws OutOfHeapException when the heap cannot hold that much
	 */
	static void checkMemory(final String name, final long bytes) throws OutOfHeapException {
		if (!Heap.holds(bytes)) throw new OutOfHeapException(name + ": the image needs " + (bytes >> 20) +
			" MiB but the Java heap has only " + (Heap.free() >> 20) + " MiB free; run Java with a larger -Xmx.");
	}
}
