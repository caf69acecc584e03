package io.github.imagearray.plugins;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.gui.GenericDialog;
import ij.io.DirectoryChooser;
import ij.io.OpenDialog;
import ij.plugin.PlugIn;
import io.github.imagearray.bridge.ImagePlusFromImg;
import io.github.imagearray.io.DicomSeries;
import io.github.imagearray.io.Hdf5Reader;
import io.github.imagearray.io.ImageFile;
import io.github.imagearray.io.ImageFiles;
import io.github.imagearray.io.ImageFormat;
import io.github.imagearray.io.NiftiReader;
import io.github.imagearray.io.OpenOptions;
import io.github.imagearray.stats.Heap;

/**
 * {@code File > Import > NIfTI...}, {@code MetaImage...}, {@code HDF5 Dataset...}, {@code Zarr/N5...}
 * and {@code DICOM Series...} (argument "nifti", "metaimage", "hdf5", "zarr" or "dicom"): opens the
 * file or folder with ImageArray's readers, with its voxel size, refusing broken files with a
 * message. Data larger than half the free memory open as a virtual stack whose planes are read from
 * the file when shown or measured, so the ImageArray commands measure them plane by plane. Types
 * ImageJ lacks (32 and 64-bit integers, float64) become 32-bit float, with a warning in the Log.
 * Macro: {@code run("NIfTI...", "open=/data/brain.nii.gz");},
 * {@code run("HDF5 Dataset...", "open=/data/scan.h5 dataset=/exchange/data");},
 * {@code run("DICOM Series...", "open=/data/ct series=1.2.3");}.
 */
public class ImportPlugin implements PlugIn {

	@Override
	public void run(final String arg) {
		final String kind = kind(arg);
		Messages.run("Import " + kind, () -> {
			final boolean folder = "zarr".equals(arg) || "dicom".equals(arg);
			final File file = chosen(kind, folder);
			if (file == null) return;
			Path source = file.toPath();
			String series = null;
			if ("hdf5".equals(arg)) {
				String dataset = named("dataset");
				if (dataset == null) dataset = choice("Import " + kind, "dataset", Hdf5Reader.datasets(source));
				if (dataset == null) return;
				if (!dataset.isEmpty()) source = Paths.get(source + ":" + dataset);
			}
			else if ("dicom".equals(arg)) {
				series = named("series");
				if (series == null) series = choice("Import " + kind, "series", DicomSeries.seriesUids(source));
				if (series == null) return;
				if (series.isEmpty()) series = null;
			}
			// what the reader leaves out or cannot give exactly (lossy JPEG in DICOM) goes to the Log
			final ImageFile read = ImageFiles.read(source, OpenOptions.NONE.series(series).warnings(w -> IJ.log("Import " +
				kind + ": " + w)));
			final String warning = ImagePlusFromImg.conversionWarning(read.image());
			if (warning != null) IJ.log("Import " + kind + ": " + file + ": " + warning);
			final boolean virtual = ImagePlusFromImg.stackBytes(read.image()) > Heap.free() / 2;
			open(file.toPath(), read, virtual).show();
		});
	}

	private static String kind(final String arg) {
		switch (String.valueOf(arg)) {
			case "nifti":
				return "NIfTI";
			case "hdf5":
				return "HDF5 Dataset";
			case "zarr":
				return "Zarr/N5";
			case "dicom":
				return "DICOM Series";
			default:
				return "MetaImage";
		}
	}

	/**
	 * @return the file or folder a macro names with {@code open=} (as ImageJ's own File > Open takes
	 *         it) or {@code import=} (the dialog's own key), else the one chosen in a dialog; null
	 *         when cancelled
	 */
	private static File chosen(final String kind, final boolean folder) {
		final String options = Macro.getOptions();
		final String path = options == null ? null : Macro.getValue(options, "open", null);
		if (path != null) return new File(path);
		if (folder) {
			final String dir = new DirectoryChooser("Import " + kind + "...").getDirectory();
			return dir == null ? null : new File(dir);
		}
		final OpenDialog od = new OpenDialog("Import " + kind + "...", null);
		return od.getFileName() == null ? null : new File(od.getDirectory(), od.getFileName());
	}

	/**
	 * @return what a macro names with {@code key=}; "" when it names nothing, so that the reader
	 *         chooses as on the command line; null when no macro runs. A macro's import never lists
	 *         the datasets or series first, which for DICOM means reading every file's header once
	 *         more.
	 */
	private static String named(final String key) {
		final String macro = Macro.getOptions();
		return macro == null ? null : Macro.getValue(macro, key, "");
	}

	/** @return the only one of {@code options}, or the one chosen in a dialog; null when cancelled */
	private static String choice(final String title, final String key, final List<String> options) {
		if (options.size() <= 1) return options.isEmpty() ? "" : options.get(0);
		final GenericDialog gd = new GenericDialog(title);
		gd.addChoice(key, options.toArray(new String[0]), options.get(0));
		gd.showDialog();
		return gd.wasCanceled() ? null : gd.getNextChoice();
	}

	/** Opens an image file as an ImageJ image, titled after the file, calibrated with its voxel size. */
	public static ImagePlus open(final Path file) throws IOException {
		return open(file, ImageFiles.read(file, OpenOptions.NONE), false);
	}

	/** @return the image as an ImageJ stack: NIfTI and DICOM voxel sizes are in mm, the others' in µm */
	private static ImagePlus open(final Path file, final ImageFile read, final boolean virtual) {
		final ImageFormat format = read.format();
		final String unit = format instanceof NiftiReader || format instanceof DicomSeries ? "mm" : IJ.micronSymbol +
			"m";
		return ImagePlusFromImg.create(file.getFileName().toString(), read.image(), read.voxelSize(), unit, virtual);
	}
}
