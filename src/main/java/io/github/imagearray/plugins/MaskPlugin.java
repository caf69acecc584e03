package io.github.imagearray.plugins;

import java.util.concurrent.CancellationException;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import io.github.imagearray.bridge.ImagePlusImgs;
import io.github.imagearray.stats.Statistics;
import io.github.imagearray.stats.StatisticsCalculator;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.type.logic.BitType;

/**
 * {@code Analyze > ImageArray > ImageArray Statistics in Mask...}: the statistics of the voxels of
 * an image where a mask image of the same size is not zero, as a row of the "ImageArray
 * Statistics" table. Macro: {@code run("ImageArray Statistics in Mask...", "image=ct.tif mask=body.tif bins=0");}
 */
public class MaskPlugin implements PlugIn {

	static final String COMMAND = "ImageArray Statistics in Mask";

	@Override
	public void run(final String arg) {
		if (WindowManager.getImageCount() == 0) {
			Messages.error(COMMAND, "No image is open.");
			return;
		}
		final GenericDialog gd = new GenericDialog(COMMAND);
		gd.addImageChoice("Image", null);
		gd.addImageChoice("Mask", null);
		gd.addNumericField("Bins (0 = automatic)", 0, 0);
		gd.showDialog();
		if (gd.wasCanceled()) return;
		final ImagePlus image = gd.getNextImage(), mask = gd.getNextImage();
		final int bins = (int) gd.getNextNumber();
		try {
			final Statistics s = process(image, mask, bins);
			final ResultsTable table = StatisticsTable.table();
			StatisticsTable.addRow(table, image.getTitle() + " in " + mask.getTitle(), s);
			table.show(StatisticsTable.TITLE);
		}
		catch (final IllegalArgumentException e) {
			Messages.error(COMMAND, e.getMessage());
		}
		catch (final CancellationException e) {
			Messages.canceled(COMMAND);
		}
	}

	/**
	 * @param bins 0 for automatic
	 * @return the statistics of the image's voxels where the mask is not zero
	 */
	public static Statistics process(final ImagePlus image, final ImagePlus mask, final int bins) {
		StatisticsCalculator calculator = new StatisticsCalculator().progress(new ImageJProgress());
		if (bins != 0) calculator = calculator.bins(bins);
		final RandomAccessibleInterval<BitType> inside = Converters.convert(ImagePlusImgs.wrap(mask), (in, out) -> out
			.set(in.getRealDouble() != 0), new BitType());
		return calculator.compute(ImagePlusImgs.wrap(image), inside);
	}
}
