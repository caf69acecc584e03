package io.github.imagearray.plugins;

import ij.ImagePlus;
import ij.WindowManager;
import io.github.imagearray.bridge.ImagePlusImgs;

/** The image a menu command works on, with ImageJ's messages when there is none or it does not fit. */
final class ActiveImage {

	private ActiveImage() {
	}

	/** @return the current image, or null after telling the user why there is none to use */
	static ImagePlus get(final String command) {
		final ImagePlus imp = WindowManager.getCurrentImage();
		if (imp == null) {
			Messages.error(command, "No image is open.");
			return null;
		}
		if (imp.getType() == ImagePlus.COLOR_RGB) {
			Messages.error(command, ImagePlusImgs.RGB_REFUSED);
			return null;
		}
		return imp;
	}
}
