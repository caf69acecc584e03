package io.github.imagearray.plugins;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;

import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;
import io.github.imagearray.bridge.ImagePlusImgs;
import io.github.imagearray.display.FigureFiles;
import io.github.imagearray.display.HistogramFigure;

/**
 * {@code Analyze > ImageArray > ImageArray Histogram...}: the histogram of the active image (its
 * selection on every slice) as an ImageJ plot with the statistics printed on it, optionally
 * exported as PNG; of the calibrated values (as Measure), or the stored ones ({@code raw}). Macro:
 * {@code run("ImageArray Histogram...", "bins=256 export=/tmp/h.png");}
 */
public class HistogramPlugin implements PlugIn {

	static final String COMMAND = "ImageArray Histogram";

	@Override
	public void run(final String arg) {
		Messages.run(COMMAND, () -> {
			final ImagePlus imp = ActiveImage.get();
			final GenericDialog gd = new GenericDialog(COMMAND);
			BinsField.addTo(gd);
			gd.addStringField("Export", "", 30);
			gd.addMessage("Export: a directory or a .png file; empty for none.");
			RawField.addTo(gd);
			gd.showDialog();
			if (gd.wasCanceled()) return;
			final double bins = gd.getNextNumber();
			final String export = gd.getNextString().trim();
			final boolean raw = gd.getNextBoolean();
			final ImagePlus plot = process(imp, bins, export.isEmpty() ? null : Paths.get(export), raw);
			if (!Interpreter.isBatchMode()) plot.show();
		});
	}

	/**
	 * The plot behind the command, without any window: the histogram of the image (inside its area
	 * selection) with its statistics, exported when {@code export} is given.
	 * <p>
	 * {@code ImagePlus plot = HistogramPlugin.process(imp, 256, Paths.get("/tmp/h.png"));}
	 *
	 * @param bins 0 for automatic, else a whole number of bins
	 * @param export a directory or a .png file, or null
	 * @throws IllegalArgumentException for RGB images and bad bins
	 */
	public static ImagePlus process(final ImagePlus imp, final double bins, final Path export) throws IOException {
		return process(imp, bins, export, false);
	}

	/**
	 * @param raw true for the stored values, false for the calibrated ones (the x axis names their unit)
	 * @return the plot, as {@link #process(ImagePlus, double, Path)}
	 */
	public static ImagePlus process(final ImagePlus imp, final double bins, final Path export, final boolean raw)
		throws IOException
	{
		final ImagePlus plot = HistogramFigure.render(StatisticsPlugin.process(imp, bins, false, raw), imp.getTitle(),
			ImagePlusImgs.valueUnit(imp, raw));
		if (export != null) FigureFiles.export(plot, export);
		return plot;
	}
}
