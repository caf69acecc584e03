package io.github.imagearray.commands;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import io.github.imagearray.stats.Statistics;
import net.imglib2.RandomAccessibleInterval;

/**
 * The statistics of an image as a SciJava command, for headless scripts and
 * {@code CommandService}. It has no menu entry: in Fiji the menu command is the ImageJ 1.x one.
 * <p>
 * {@code commandService.run(StatisticsCommand.class, true, "image", img, "bins", 0).get().getOutput("median")}
 */
@Plugin(type = Command.class, headless = true, label = "ImageArray Statistics")
public class StatisticsCommand extends ContextCommand {

	@Parameter(required = false, description = "an ImgLib2 image of real values")
	private RandomAccessibleInterval<?> image;

	@Parameter(required = false, description = "an ImageJ image; its area selection restricts the statistics")
	private ImagePlus imp;

	@Parameter(label = "Bins (0 = automatic)", min = "0")
	private int bins;

	@Parameter(required = false, persist = false, label = "Raw values (stored, not calibrated)",
		description = "the stored values of an ImagePlus with a calibration function, not the calibrated ones")
	private boolean raw;

	@Parameter(required = false)
	private StatusService status;

	@Parameter(type = ItemIO.OUTPUT)
	private Statistics statistics;

	@Parameter(type = ItemIO.OUTPUT)
	private double mean;

	@Parameter(type = ItemIO.OUTPUT)
	private double median;

	@Parameter(type = ItemIO.OUTPUT)
	private double variance;

	@Parameter(type = ItemIO.OUTPUT)
	private double standarddev;

	@Parameter(type = ItemIO.OUTPUT)
	private double skewness;

	@Parameter(type = ItemIO.OUTPUT)
	private double kurtosis;

	@Parameter(type = ItemIO.OUTPUT)
	private double minimum;

	@Parameter(type = ItemIO.OUTPUT)
	private double maximum;

	@Parameter(type = ItemIO.OUTPUT)
	private long count;

	@Parameter(type = ItemIO.OUTPUT)
	private String unit;

	@Override
	public void run() {
		CommandFailures.run(this, () -> {
			statistics = ImageInput.statistics(image, imp, bins, raw, new StatusProgress(status,
				"ImageArray Statistics"));
			unit = ImageInput.unit(image, imp, raw);
			mean = statistics.mean();
			median = statistics.median();
			variance = statistics.variance();
			standarddev = statistics.standardDeviation();
			skewness = statistics.skewness();
			kurtosis = statistics.kurtosis();
			minimum = statistics.minimum();
			maximum = statistics.maximum();
			count = statistics.count();
		});
	}
}
