package io.github.imagearray.plugins;


import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import io.github.imagearray.bridge.ImagePlusImgs;
import io.github.imagearray.stats.Masks;
import io.github.imagearray.stats.Statistics;

/**
 * {@code Analyze > ImageArray > ImageArray Statistics in Mask...}: the statistics of the voxels of
 * an image where a mask image of the same size is not zero, as a row of the "ImageArray
 * Statistics" table. Macro: {@code run("ImageArray Statistics in Mask...", "image=ct.tif mask=body.tif bins=0");}
 */
public class MaskPlugin implements PlugIn {

	static final String COMMAND = "ImageArray Statistics in Mask";

	@Override
	public void run(final String arg) {
		final ImagePairDialog choice = ImagePairDialog.show(COMMAND, "Mask");
		if (choice == null) return;
		Messages.run(COMMAND, () -> {
			final Statistics s = process(choice.image, choice.other, choice.bins);
			final ResultsTable table = StatisticsTable.table();
			StatisticsTable.addRow(table, choice.image.getTitle() + " in " + choice.other.getTitle(), s);
			table.show(StatisticsTable.TITLE);
		});
	}

	/**
	 * @param bins 0 for automatic, else a whole number of bins
	 * @return the statistics of the image's voxels where the mask is not zero
	 */
	public static Statistics process(final ImagePlus image, final ImagePlus mask, final double bins) {
		return BinsField.calculator(bins).compute(ImagePlusImgs.wrap(image), Masks.nonZero(ImagePlusImgs.wrap(mask)));
	}
}
