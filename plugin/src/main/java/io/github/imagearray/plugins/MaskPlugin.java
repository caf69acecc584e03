package io.github.imagearray.plugins;


import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import io.github.imagearray.bridge.ImagePlusImgs;
import io.github.imagearray.stats.Masks;
import io.github.imagearray.stats.Statistics;
import io.github.imagearray.stats.StatisticsCalculator;

/**
 * {@code Analyze > ImageArray > ImageArray Statistics in Mask...}: the statistics of the voxels of
 * an image where a mask image of the same size is not zero, as a row of the "ImageArray
 * Statistics" table; for a hyperstack, of the current channel and frame or of each ({@code each}),
 * a mask of one channel or frame serving them all; in the calibrated values of an image with a
 * calibration function, or its stored values ({@code raw}). Macro:
 * {@code run("ImageArray Statistics in Mask...", "image=ct.tif mask=body.tif bins=0");}
 */
public class MaskPlugin implements PlugIn {

	static final String COMMAND = "ImageArray Statistics in Mask";

	@Override
	public void run(final String arg) {
		Messages.run(COMMAND, () -> {
			final ImagePairDialog choice = ImagePairDialog.show(COMMAND, "Mask");
			if (choice == null) return;
			final ResultsTable table = StatisticsTable.table();
			addRows(table, choice.image, choice.other, choice.bins, choice.each, choice.raw);
			table.show(StatisticsTable.TITLE);
		});
	}

	/**
	 * @param bins 0 for automatic, else a whole number of bins
	 * @return the statistics of the image's calibrated values (at its current channel and frame) where
	 *         the mask is not zero
	 */
	public static Statistics process(final ImagePlus image, final ImagePlus mask, final double bins) {
		return statistics(image, mask, ImagePlusImgs.measuring(BinsField.calculator(bins), image, false), Hyperstack
			.positions(image, false).get(0));
	}

	/**
	 * Adds the command's rows: the current channel and frame, or each ({@code each}).
	 *
	 * @param raw true for the stored values, false for the calibrated ones
	 */
	static void addRows(final ResultsTable table, final ImagePlus image, final ImagePlus mask, final double bins,
		final boolean each, final boolean raw)
	{
		final StatisticsCalculator calculator = ImagePlusImgs.measuring(BinsField.calculator(bins), image, raw);
		for (final Hyperstack.Position at : Hyperstack.positions(image, each)) {
			final Statistics s = statistics(image, mask, calculator, at);
			table.incrementCounter();
			table.addLabel(image.getTitle() + " in " + mask.getTitle());
			at.addColumns(table, image);
			StatisticsTable.addValues(table, s, ImagePlusImgs.valueUnit(image, raw));
		}
	}

	private static Statistics statistics(final ImagePlus image, final ImagePlus mask,
		final StatisticsCalculator calculator, final Hyperstack.Position at)
	{
		return calculator.compute(at.of(image), Masks.nonZero(at.matching(mask, image)));
	}
}
