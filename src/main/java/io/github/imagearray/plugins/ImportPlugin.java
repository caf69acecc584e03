package io.github.imagearray.plugins;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.io.OpenDialog;
import ij.plugin.PlugIn;
import io.github.imagearray.bridge.ImagePlusFromImg;
import io.github.imagearray.io.ImageFiles;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * {@code File > Import > NIfTI...} and {@code MetaImage...} (argument "nifti" or "metaimage"): opens
 * the file with ImageArray's readers, with its voxel size, refusing broken files with a message.
 * Types ImageJ lacks (32 and 64-bit integers, float64) become 32-bit float, with a warning in the Log.
 * Macro: {@code run("NIfTI...", "open=/data/brain.nii.gz");}
 */
public class ImportPlugin implements PlugIn {

	@Override
	public void run(final String arg) {
		final String kind = "nifti".equals(arg) ? "NIfTI" : "MetaImage";
		final File file = chosenFile(kind);
		if (file == null) return;
		try {
			final RandomAccessibleInterval<? extends RealType<?>> img = ImageFiles.open(file.toPath());
			final String warning = ImagePlusFromImg.conversionWarning(img);
			if (warning != null) IJ.log("Import " + kind + ": " + file + ": " + warning);
			open(file.toPath(), img).show();
		}
		catch (final IOException | IllegalArgumentException e) {
			Messages.error("Import " + kind, e.getMessage());
		}
	}

	/**
	 * @return the file a macro names with {@code open=} (as ImageJ's own File > Open takes it) or
	 *         {@code import=} (the dialog's own key), else the one chosen in a file dialog; null when
	 *         cancelled
	 */
	private static File chosenFile(final String kind) {
		final String options = Macro.getOptions();
		final String path = options == null ? null : Macro.getValue(options, "open", null);
		if (path != null) return new File(path);
		final OpenDialog od = new OpenDialog("Import " + kind + "...", null);
		return od.getFileName() == null ? null : new File(od.getDirectory(), od.getFileName());
	}

	/** Opens an image file as an ImageJ image, titled after the file, calibrated with its voxel size. */
	public static ImagePlus open(final Path file) throws IOException {
		return open(file, ImageFiles.open(file));
	}

	private static ImagePlus open(final Path file, final RandomAccessibleInterval<? extends RealType<?>> img)
		throws IOException
	{
		final String unit = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).contains(".nii") ? "mm"
			: IJ.micronSymbol + "m";
		return ImagePlusFromImg.create(file.getFileName().toString(), img, ImageFiles.voxelSize(file), unit);
	}
}
