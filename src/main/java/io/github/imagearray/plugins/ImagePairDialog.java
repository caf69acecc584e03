package io.github.imagearray.plugins;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;

/**
 * The dialog of the commands that measure an image with a second image of the same size (a mask
 * or labels): two image choosers and the bins; macro keys {@code image}, the second's name in
 * lower case, {@code bins}.
 */
final class ImagePairDialog {

	final ImagePlus image;
	final ImagePlus other;
	/** As typed: checked by {@link BinsField}. */
	final double bins;

	private ImagePairDialog(final ImagePlus image, final ImagePlus other, final double bins) {
		this.image = image;
		this.other = other;
		this.bins = bins;
	}

	/** @return the choices, or null when there is no image (after saying so) or the user cancels */
	static ImagePairDialog show(final String command, final String otherName) {
		if (WindowManager.getImageCount() == 0) {
			Messages.error(command, "No image is open.");
			return null;
		}
		final GenericDialog gd = new GenericDialog(command);
		gd.addImageChoice("Image", null);
		gd.addImageChoice(otherName, null);
		BinsField.addTo(gd);
		gd.showDialog();
		if (gd.wasCanceled()) return null;
		return new ImagePairDialog(gd.getNextImage(), gd.getNextImage(), gd.getNextNumber());
	}
}
