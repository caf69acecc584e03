package io.github.imagearray.commands;


import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import io.github.imagearray.stats.Masks;
import io.github.imagearray.stats.Statistics;
import io.github.imagearray.stats.StatisticsCalculator;
import net.imglib2.RandomAccessibleInterval;

/**
 * The statistics of an image inside a mask (an image of the same size; its non-zero voxels count)
 * as a SciJava command. No menu entry.
 * <p>
 * {@code commandService.run(MaskStatisticsCommand.class, true, "image", img, "mask", mask, "bins", 0)}
 */
@Plugin(type = Command.class, headless = true, label = "ImageArray Statistics in Mask")
public class MaskStatisticsCommand extends ContextCommand {

	@Parameter
	private RandomAccessibleInterval<?> image;

	@Parameter
	private RandomAccessibleInterval<?> mask;

	@Parameter(label = "Bins (0 = automatic)", min = "0")
	private int bins;

	@Parameter(type = ItemIO.OUTPUT)
	private Statistics statistics;

	@Override
	public void run() {
		CommandFailures.run(this, () -> {
			final StatisticsCalculator calculator = new StatisticsCalculator().binsOrAutomatic(bins);
			statistics = calculator.compute(ImageInput.real(image), Masks.nonZero(ImageInput.real(mask)));
		});
	}
}
