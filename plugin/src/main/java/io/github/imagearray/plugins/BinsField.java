package io.github.imagearray.plugins;

import ij.gui.GenericDialog;
import io.github.imagearray.stats.StatisticsCalculator;

/** The "Bins (0 = automatic)" field of the dialogs, as typed or given in a macro. */
final class BinsField {

	private BinsField() {
	}

	/** Adds the field, 0 (automatic) at first; macros give it as {@code bins=N}. */
	static void addTo(final GenericDialog gd) {
		gd.addNumericField("Bins (0 = automatic)", 0, 0);
	}

	/**
	 * @param typed 0 for automatic, else a whole number of bins
	 * @return a calculator with those bins that reports to ImageJ's progress bar
	 * @throws IllegalArgumentException for a fraction or a number out of range
	 */
	static StatisticsCalculator calculator(final double typed) {
		if (typed != Math.rint(typed)) throw new IllegalArgumentException("bins must be a whole number, not " + typed +
			".");
		StatisticsCalculator.checkBinsOrAutomatic((long) typed);
		return new StatisticsCalculator().progress(new ImageJProgress()).binsOrAutomatic((int) typed);
	}
}
