package io.github.imagearray.plugins;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;

import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;
import io.github.imagearray.display.FigureFiles;
import io.github.imagearray.display.HistogramFigure;

/**
 * {@code Analyze > ImageArray > ImageArray Histogram...}: the histogram of the active image (its
 * selection on every slice) as an ImageJ plot with the statistics printed on it, optionally
 * exported as PNG. Macro: {@code run("ImageArray Histogram...", "bins=256 export=/tmp/h.png");}
 */
public class HistogramPlugin implements PlugIn {

	static final String COMMAND = "ImageArray Histogram";

	@Override
	public void run(final String arg) {
		final ImagePlus imp = ActiveImage.get(COMMAND);
		if (imp == null) return;
		final GenericDialog gd = new GenericDialog(COMMAND);
		BinsField.addTo(gd);
		gd.addStringField("Export", "", 30);
		gd.addMessage("Export: a directory or a .png file; empty for none.");
		gd.showDialog();
		if (gd.wasCanceled()) return;
		final double bins = gd.getNextNumber();
		final String export = gd.getNextString().trim();
		Messages.run(COMMAND, () -> {
			final ImagePlus plot = process(imp, bins, export.isEmpty() ? null : Paths.get(export));
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
		final ImagePlus plot = HistogramFigure.render(StatisticsPlugin.process(imp, bins, false), imp.getTitle());
		if (export != null) FigureFiles.export(plot, export);
		return plot;
	}
}
