package io.github.imagearray.plugins;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import io.github.imagearray.bridge.ImagePlusImgs;
import io.github.imagearray.stats.Statistics;
import io.github.imagearray.stats.StatisticsCalculator;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * {@code Analyze > ImageArray > ImageArray Auto Contrast...}: sets the display range of the whole
 * stack (every slice and frame of the current channel) to its exact percentiles p and 100 - p,
 * numpy's linear rule, with p = saturated / 2 as in Process &gt; Enhance Contrast: the default 0.35
 * saturates 0.35 % of the voxels, half at each end. ImageJ's own Auto looks at an approximate
 * histogram of the current slice. Pixels are not changed. Integer images keep a whole-number display
 * range: the lower percentile rounded down, the upper one up. The range is set in the stored values,
 * as ImageJ keeps it; the percentiles reported are of the calibrated values where the image has a
 * calibration function. Macro:
 * {@code run("ImageArray Auto Contrast...", "saturated=0.35");}
 */
public class AutoContrastPlugin implements PlugIn {

	static final String COMMAND = "ImageArray Auto Contrast";
	/** Process &gt; Enhance Contrast's default share of saturated voxels, in percent. */
	public static final double DEFAULT_SATURATED = 0.35;

	@Override
	public void run(final String arg) {
		Messages.run(COMMAND, () -> {
			final ImagePlus imp = ActiveImage.get();
			final GenericDialog gd = new GenericDialog(COMMAND);
			gd.addNumericField("Saturated", DEFAULT_SATURATED, 2, 6, "% (half at each end)");
			gd.showDialog();
			if (gd.wasCanceled()) return;
			final double saturated = gd.getNextNumber();
			final double[] range = process(imp, saturated);
			IJ.showStatus(COMMAND + ": " + range[0] + " to " + range[1]);
		});
	}

	/**
	 * Sets the display range of the current channel without any dialog.
	 * <p>
	 * {@code double[] percentiles = AutoContrastPlugin.process(imp, 0.35);}
	 *
	 * @param saturated the percentage of voxels shown saturated, from 0 to below 100
	 * @return the exact percentiles {@code saturated / 2} and {@code 100 - saturated / 2} of the
	 *         channel's voxels (NaN left out), in the values Measure measures (calibrated, where the
	 *         image has a calibration function)
	 * @throws IllegalArgumentException for a percentage out of range, naming it
	 */
	public static double[] process(final ImagePlus imp, final double saturated) {
		if (!(saturated >= 0 && saturated < 100)) throw new IllegalArgumentException(
			"saturated must be from 0 to below 100 (percent), not " + saturated + ".");
		final double p = saturated / 2;
		final StatisticsCalculator calculator = new StatisticsCalculator().progress(new ImageJProgress()).percentiles(p,
			100 - p);
		final RandomAccessibleInterval<? extends RealType<?>> channel = ImagePlusImgs.wrapChannel(imp, imp
			.getChannel());
		final Statistics stored = calculator.compute(channel);
		if (stored.count() == 0) throw new IllegalArgumentException("The image has no values: every voxel is NaN.");
		final double low = stored.percentile(p), high = stored.percentile(100 - p);
		final boolean integer = imp.getBitDepth() != 32;
		imp.setDisplayRange(integer ? Math.floor(low) : low, integer ? Math.ceil(high) : high);
		imp.updateAndDraw();
		if (!ImagePlusImgs.isCalibrated(imp)) return new double[] { low, high };
		final Statistics calibrated = ImagePlusImgs.measuring(calculator, imp, false).compute(channel);
		return new double[] { calibrated.percentile(p), calibrated.percentile(100 - p) };
	}
}
