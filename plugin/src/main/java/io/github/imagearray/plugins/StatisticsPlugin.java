package io.github.imagearray.plugins;


import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import io.github.imagearray.bridge.ImagePlusImgs;
import io.github.imagearray.bridge.Selection;
import io.github.imagearray.stats.Statistics;
import io.github.imagearray.stats.StatisticsCalculator;

/**
 * {@code Analyze > ImageArray > ImageArray Statistics...}: the statistics of the active image (of
 * the area selection on every slice, if there is one) as a row of the "ImageArray Statistics"
 * table. Macro: {@code run("ImageArray Statistics...", "bins=256");} (0: automatic bins); for a
 * hyperstack {@code "bins=0 all"} measures every channel and frame together instead of the current
 * z stack, and {@code "bins=0 each"} adds a row for each channel and frame (columns {@code channel}
 * and {@code frame}, which the rows of the current z stack of a hyperstack carry too). An image
 * with a calibration function (a CT's Hounsfield units) is measured in its calibrated values, as
 * Measure does; {@code "bins=0 raw"} measures the stored values.
 */
public class StatisticsPlugin implements PlugIn {

	static final String COMMAND = "ImageArray Statistics";

	@Override
	public void run(final String arg) {
		Messages.run(COMMAND, () -> {
			final ImagePlus imp = ActiveImage.get();
			final GenericDialog gd = new GenericDialog(COMMAND);
			BinsField.addTo(gd);
			final boolean hyperstack = Hyperstack.isHyperstack(imp);
			if (hyperstack) {
				gd.addCheckbox("All channels and frames", false);
				Hyperstack.addTo(gd);
			}
			RawField.addTo(gd);
			gd.showDialog();
			if (gd.wasCanceled()) return;
			final double bins = gd.getNextNumber();
			final boolean everyPlane = hyperstack && gd.getNextBoolean();
			final boolean each = hyperstack && gd.getNextBoolean();
			final boolean raw = gd.getNextBoolean();
			if (everyPlane && each) throw new IllegalArgumentException(
				"Measure all channels and frames together or each of them, not both.");
			final ResultsTable table = StatisticsTable.table();
			if (everyPlane) StatisticsTable.addRow(table, imp.getTitle(), process(imp, bins, true, raw), ImagePlusImgs
				.valueUnit(imp, raw));
			else addRows(table, imp, bins, each, raw);
			table.show(StatisticsTable.TITLE);
		});
	}

	/**
	 * Adds the rows of the command without its dialog: one for the current z stack, or one for each
	 * channel and frame of a hyperstack, with their {@code channel} and {@code frame}.
	 *
	 * @param bins the number of bins as typed, or 0 for automatic
	 * @param each true for each channel and frame
	 * @param raw true for the stored values, false for the calibrated ones
	 */
	static void addRows(final ResultsTable table, final ImagePlus imp, final double bins, final boolean each,
		final boolean raw)
	{
		final StatisticsCalculator calculator = BinsField.calculator(bins);
		for (final Hyperstack.Position at : Hyperstack.positions(imp, each)) {
			final Statistics s = Selection.of(imp, at.channel, at.frame).statistics(calculator, raw);
			table.incrementCounter();
			table.addLabel(imp.getTitle());
			at.addColumns(table, imp);
			StatisticsTable.addValues(table, s, ImagePlusImgs.valueUnit(imp, raw));
		}
	}

	/**
	 * The computation behind the command, without any dialog or window.
	 *
	 * @param bins the number of bins as typed, or 0 for automatic
	 * @param everyPlane true for every channel and frame of a hyperstack
	 * @param raw true for the stored values, false for the calibrated ones
	 * @throws IllegalArgumentException naming the problem
	 */
	static Statistics process(final ImagePlus imp, final double bins, final boolean everyPlane, final boolean raw) {
		return Selection.of(imp, everyPlane).statistics(BinsField.calculator(bins), raw);
	}

	/**
	 * The same for callers with a whole number of bins (0 for automatic), on the calibrated values of
	 * the z stack of the current channel and frame.
	 */
	public static Statistics process(final ImagePlus imp, final int bins) {
		return process(imp, bins, false, false);
	}
}
