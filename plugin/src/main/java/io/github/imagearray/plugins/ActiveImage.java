package io.github.imagearray.plugins;

import ij.ImagePlus;
import ij.WindowManager;
import io.github.imagearray.bridge.ImagePlusImgs;

/** The image a menu command works on, refused with ImageJ's words when there is none or it does not fit. */
final class ActiveImage {

	/** The refusal when no image is open. */
	static final String NONE = "No image is open.";

	private ActiveImage() {
	}

	/**
	 * @return the current image
	 * @throws IllegalArgumentException when no image is open or it is RGB
	 */
	static ImagePlus get() {
		final ImagePlus imp = WindowManager.getCurrentImage();
		if (imp == null) throw new IllegalArgumentException(NONE);
		if (imp.getType() == ImagePlus.COLOR_RGB) throw new IllegalArgumentException(ImagePlusImgs.RGB_REFUSED);
		return imp;
	}
}
