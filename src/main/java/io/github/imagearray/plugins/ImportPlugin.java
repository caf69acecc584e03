package io.github.imagearray.plugins;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;
import ij.io.OpenDialog;
import ij.plugin.PlugIn;
import io.github.imagearray.bridge.ImagePlusFromImg;
import io.github.imagearray.io.ImageFiles;

/**
 * {@code File > Import > NIfTI...} and {@code MetaImage...} (argument "nifti" or "metaimage"): opens
 * the file with ImageArray's readers, with its voxel size, refusing broken files with a message.
 * Macro: {@code run("NIfTI...", "open=/data/brain.nii.gz");}
 */
public class ImportPlugin implements PlugIn {

	@Override
	public void run(final String arg) {
		final String kind = "nifti".equals(arg) ? "NIfTI" : "MetaImage";
		final OpenDialog od = new OpenDialog("Import " + kind + "...", null);
		if (od.getFileName() == null) return;
		try {
			final ImagePlus imp = open(new File(od.getDirectory(), od.getFileName()).toPath());
			imp.show();
		}
		catch (final IOException | IllegalArgumentException e) {
			Messages.error("Import " + kind, e.getMessage());
		}
	}

	/** Opens an image file as an ImageJ image, titled after the file, calibrated with its voxel size. */
	public static ImagePlus open(final Path file) throws IOException {
		final String unit = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).contains(".nii") ? "mm"
			: IJ.micronSymbol + "m";
		return ImagePlusFromImg.create(file.getFileName().toString(), ImageFiles.open(file), ImageFiles.voxelSize(file),
			unit);
	}
}
