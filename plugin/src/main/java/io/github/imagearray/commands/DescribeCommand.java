package io.github.imagearray.commands;

import java.io.File;
import java.io.IOException;
import java.util.Map;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import io.github.imagearray.AtomicFiles;
import io.github.imagearray.StatisticsCsv;
import io.github.imagearray.stats.Statistics;
import net.imglib2.RandomAccessibleInterval;

/**
 * vIQA's {@code describe} as a SciJava command: writes the statistics CSV and returns the
 * statistics. No menu entry (the ImageJ 1.x command is the menu one).
 * <p>
 * {@code commandService.run(DescribeCommand.class, true, "image", img, "directory", dir, "filename", "stats")}
 */
@Plugin(type = Command.class, headless = true, label = "ImageArray Describe")
public class DescribeCommand extends ContextCommand {

	@Parameter(required = false, description = "an ImgLib2 image of real values")
	private RandomAccessibleInterval<?> image;

	@Parameter(required = false, description = "an ImageJ image; its area selection restricts the statistics")
	private ImagePlus imp;

	@Parameter(style = "directory")
	private File directory;

	@Parameter
	private String filename;

	@Parameter(required = false, persist = false, label = "Raw values (stored, not calibrated)",
		description = "the stored values of an ImagePlus with a calibration function, not the calibrated ones")
	private boolean raw;

	@Parameter(required = false)
	private StatusService status;

	@Parameter(type = ItemIO.OUTPUT)
	private File file;

	@Parameter(type = ItemIO.OUTPUT)
	private Map<String, Double> statistics;

	@Override
	public void run() {
		CommandFailures.run(this, () -> {
			final String name = StatisticsCsv.withExtension(filename == null ? "" : filename);
			if (directory == null) throw new IOException("No directory given.");
			AtomicFiles.checkDirectory(directory.toPath().toAbsolutePath());
			final Statistics s = ImageInput.statistics(image, imp, 0, raw, new StatusProgress(status,
				"ImageArray Describe"));
			file = StatisticsCsv.write(directory.toPath(), name, s).toFile();
			statistics = s.describe();
		});
	}
}
