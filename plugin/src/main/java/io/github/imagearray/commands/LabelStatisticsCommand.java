package io.github.imagearray.commands;

import java.util.SortedMap;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import io.github.imagearray.stats.LabelStatistics;
import io.github.imagearray.stats.Statistics;
import io.github.imagearray.stats.StatisticsCalculator;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.IntegerType;

/**
 * Exact statistics of every label (0 is background) of a label image of the same size, as a
 * SciJava command. No menu entry.
 * <p>
 * {@code commandService.run(LabelStatisticsCommand.class, true, "image", img, "labels", labels, "bins", 0)}
 */
@Plugin(type = Command.class, headless = true, label = "ImageArray Statistics in Labels")
public class LabelStatisticsCommand extends ContextCommand {

	@Parameter
	private RandomAccessibleInterval<?> image;

	@Parameter
	private RandomAccessibleInterval<?> labels;

	@Parameter(label = "Bins (0 = automatic)", min = "0")
	private int bins;

	@Parameter(type = ItemIO.OUTPUT)
	private SortedMap<Long, Statistics> statistics;

	@SuppressWarnings("unchecked")
	@Override
	public void run() {
		CommandFailures.run(this, () -> {
			if (!(labels.getType() instanceof IntegerType)) throw new IllegalArgumentException(
				"The labels must be an image of whole numbers, not of " + labels.getType().getClass().getSimpleName() + ".");
			final StatisticsCalculator calculator = new StatisticsCalculator().binsOrAutomatic(bins);
			statistics = LabelStatistics.compute(ImageInput.real(image),
				(RandomAccessibleInterval<? extends IntegerType<?>>) labels, calculator);
		});
	}
}
