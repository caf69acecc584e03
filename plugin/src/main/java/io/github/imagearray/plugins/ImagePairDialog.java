package io.github.imagearray.plugins;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;

/**
 * The dialog of the commands that measure an image with a second image of the same size (a mask
 * or labels): two image choosers, the bins and, for hyperstacks, each channel and frame; macro keys
 * {@code image}, the second's name in lower case, {@code bins}, {@code each}, {@code raw}.
 */
final class ImagePairDialog {

	final ImagePlus image;
	final ImagePlus other;
	/** As typed: checked by {@link BinsField}. */
	final double bins;
	/** Each channel and frame of a hyperstack, not just the current ones. */
	final boolean each;
	/** The stored values of a calibrated image, not its calibrated ones. */
	final boolean raw;

	private ImagePairDialog(final ImagePlus image, final ImagePlus other, final double bins, final boolean each,
		final boolean raw)
	{
		this.image = image;
		this.other = other;
		this.bins = bins;
		this.each = each;
		this.raw = raw;
	}

	/**
	 * @return the choices, or null when the user cancels
	 * @throws IllegalArgumentException when no image is open
	 */
	static ImagePairDialog show(final String command, final String otherName) {
		if (WindowManager.getImageCount() == 0) throw new IllegalArgumentException(ActiveImage.NONE);
		final GenericDialog gd = new GenericDialog(command);
		gd.addImageChoice("Image", null);
		gd.addImageChoice(otherName, null);
		BinsField.addTo(gd);
		Hyperstack.addTo(gd);
		RawField.addTo(gd);
		gd.showDialog();
		if (gd.wasCanceled()) return null;
		return new ImagePairDialog(gd.getNextImage(), gd.getNextImage(), gd.getNextNumber(), gd.getNextBoolean(), gd
			.getNextBoolean());
	}
}
