package io.github.imagearray.plugins;


import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import io.github.imagearray.bridge.ImagePlusImgs;
import io.github.imagearray.stats.LabelStatistics;
import io.github.imagearray.stats.Statistics;
import io.github.imagearray.stats.StatisticsCalculator;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.IntegerType;

/**
 * {@code Analyze > ImageArray > ImageArray Statistics in Labels...}: one row per label (0 is
 * background) of a label image of the same size (8- or 16-bit), every statistic exact, in the table
 * "ImageArray Label Statistics" (column {@code label} first); for a hyperstack, of the current
 * channel and frame or of each ({@code each}: per label and frame for time-lapse labels), label
 * images of one channel or frame serving them all; in the calibrated values of an image with a
 * calibration function, or its stored values ({@code raw}). Macro:
 * {@code run("ImageArray Statistics in Labels...", "image=ct.tif labels=regions.tif bins=0");}
 */
public class LabelsPlugin implements PlugIn {

	static final String COMMAND = "ImageArray Statistics in Labels";
	/** The table's title. */
	public static final String TABLE = "ImageArray Label Statistics";

	@Override
	public void run(final String arg) {
		Messages.run(COMMAND, () -> {
			final ImagePairDialog choice = ImagePairDialog.show(COMMAND, "Labels");
			if (choice == null) return;
			process(choice.image, choice.other, choice.bins, choice.each, choice.raw).show(TABLE);
		});
	}

	/**
	 * The rows of the current channel and frame, in calibrated values, as
	 * {@link #process(ImagePlus, ImagePlus, double, boolean, boolean)}.
	 */
	public static ResultsTable process(final ImagePlus image, final ImagePlus labels, final double bins) {
		return process(image, labels, bins, false, false);
	}

	/**
	 * @param bins 0 for automatic, else a whole number of bins
	 * @param each each channel and frame of a hyperstack, not only the current ones
	 * @param raw true for the stored values, false for the calibrated ones
	 * @return a table with one row per label (and channel and frame)
	 * @throws IllegalArgumentException for labels that are not 8- or 16-bit whole numbers, or sizes that differ
	 */
	@SuppressWarnings("unchecked")
	public static ResultsTable process(final ImagePlus image, final ImagePlus labels, final double bins,
		final boolean each, final boolean raw)
	{
		if (labels.getBitDepth() != 8 && labels.getBitDepth() != 16) throw new IllegalArgumentException(
			"Labels must be an 8- or 16-bit image of whole numbers, not " + labels.getBitDepth() + "-bit.");
		final StatisticsCalculator calculator = ImagePlusImgs.measuring(BinsField.calculator(bins), image, raw);
		final String unit = ImagePlusImgs.valueUnit(image, raw);
		final ResultsTable table = new ResultsTable();
		table.setPrecision(9);
		for (final Hyperstack.Position at : Hyperstack.positions(image, each)) {
			final RandomAccessibleInterval<?> labelled = at.matching(labels, image);
			if (!(labelled.getType() instanceof IntegerType)) throw new IllegalArgumentException(labels.getTitle() +
				" cannot label: its calibration makes fractions of its values.");
			LabelStatistics.compute(at.of(image), (RandomAccessibleInterval<? extends IntegerType<?>>) labelled,
				calculator, (label, s) -> {
					table.incrementCounter();
					table.addLabel(image.getTitle());
					table.addValue("label", label);
					at.addColumns(table, image);
					StatisticsTable.addValues(table, s, unit);
				});
		}
		return table;
	}
}
