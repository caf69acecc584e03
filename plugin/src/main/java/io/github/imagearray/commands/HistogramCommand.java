package io.github.imagearray.commands;

import java.io.File;
import java.io.IOException;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import io.github.imagearray.display.FigureFiles;
import io.github.imagearray.display.HistogramFigure;
import io.github.imagearray.stats.Statistics;
import net.imglib2.RandomAccessibleInterval;

/**
 * The histogram plot with the statistics printed on it, as a SciJava command that also works
 * headless; exported as PNG when asked. No menu entry.
 * <p>
 * {@code commandService.run(HistogramCommand.class, true, "image", img, "bins", 256, "export", file)}
 */
@Plugin(type = Command.class, headless = true, label = "ImageArray Histogram")
public class HistogramCommand extends ContextCommand {

	@Parameter(required = false, description = "an ImgLib2 image of real values")
	private RandomAccessibleInterval<?> image;

	@Parameter(required = false, description = "an ImageJ image; its area selection restricts the histogram")
	private ImagePlus imp;

	@Parameter(label = "Bins (0 = automatic)", min = "0")
	private int bins;

	@Parameter(required = false, description = "a directory or a .png file")
	private File export;

	@Parameter(required = false, persist = false, label = "Raw values (stored, not calibrated)",
		description = "the stored values of an ImagePlus with a calibration function, not the calibrated ones")
	private boolean raw;

	@Parameter(required = false)
	private StatusService status;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus plot;

	@Parameter(type = ItemIO.OUTPUT)
	private File file;

	@Override
	public void run() {
		CommandFailures.run(this, () -> {
			final Statistics s = ImageInput.statistics(image, imp, bins, raw, new StatusProgress(status,
				"ImageArray Histogram"));
			final ImagePlus given = ImageInput.imagePlus(image, imp);
			plot = HistogramFigure.render(s, given == null ? "image" : given.getTitle(), ImageInput.unit(image, imp,
				raw));
			if (export != null) file = FigureFiles.export(plot, export.toPath()).toFile();
		});
	}
}
