package io.github.imagearray.plugins;

import ij.gui.GenericDialog;

/**
 * The "Raw values" checkbox of the measuring dialogs: the stored values of an image with a
 * calibration function instead of the calibrated values that ImageJ's Measure shows; macros give it
 * as {@code raw}.
 */
final class RawField {

	private RawField() {
	}

	/** Adds the checkbox, unchecked: calibrated values. */
	static void addTo(final GenericDialog gd) {
		gd.addCheckbox("Raw values (stored, not calibrated)", false);
	}
}
