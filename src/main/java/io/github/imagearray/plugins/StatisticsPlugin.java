package io.github.imagearray.plugins;


import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import io.github.imagearray.bridge.Selection;
import io.github.imagearray.stats.Statistics;

/**
 * {@code Analyze > ImageArray > ImageArray Statistics...}: the statistics of the active image (of
 * the area selection on every slice, if there is one) as a row of the "ImageArray Statistics"
 * table. Macro: {@code run("ImageArray Statistics...", "bins=256");} (0: automatic bins); for a
 * hyperstack {@code "bins=0 all"} measures every channel and frame instead of the current z stack.
 */
public class StatisticsPlugin implements PlugIn {

	static final String COMMAND = "ImageArray Statistics";

	@Override
	public void run(final String arg) {
		final ImagePlus imp = ActiveImage.get(COMMAND);
		if (imp == null) return;
		final GenericDialog gd = new GenericDialog(COMMAND);
		BinsField.addTo(gd);
		if (imp.isHyperStack()) gd.addCheckbox("All channels and frames", false);
		gd.showDialog();
		if (gd.wasCanceled()) return;
		final double bins = gd.getNextNumber();
		final boolean everyPlane = imp.isHyperStack() && gd.getNextBoolean();
		Messages.run(COMMAND, () -> {
			final Statistics s = process(imp, bins, everyPlane);
			final ResultsTable table = StatisticsTable.table();
			StatisticsTable.addRow(table, imp.getTitle(), s);
			table.show(StatisticsTable.TITLE);
		});
	}

	/**
	 * The computation behind the command, without any dialog or window.
	 *
	 * @param bins the number of bins as typed, or 0 for automatic
	 * @param everyPlane true for every channel and frame of a hyperstack
	 * @throws IllegalArgumentException naming the problem
	 */
	static Statistics process(final ImagePlus imp, final double bins, final boolean everyPlane) {
		return Selection.of(imp, everyPlane).statistics(BinsField.calculator(bins));
	}

	/**
	 * The same for callers with a whole number of bins (0 for automatic), on the z stack of the
	 * current channel and frame.
	 */
	public static Statistics process(final ImagePlus imp, final int bins) {
		return process(imp, bins, false);
	}
}
