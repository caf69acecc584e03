package io.github.imagearray.plugins;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;

import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.gui.Plot;
import ij.macro.Interpreter;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import io.github.imagearray.AtomicFiles;
import io.github.imagearray.bridge.Selection;
import io.github.imagearray.display.SliceFigure;
import io.github.imagearray.slices.Axis;
import io.github.imagearray.stats.SliceStatistics;
import io.github.imagearray.stats.StatisticsCalculator;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.logic.BitType;
import net.imglib2.type.numeric.RealType;

/**
 * {@code Analyze > ImageArray > ImageArray Per-Slice Statistics...}: the statistics of every slice
 * along x, y or z (default z) of the active stack (its area selection counts on every slice): a
 * table "ImageArray Per-Slice Statistics" with one row per slice (column {@code slice} first) and a
 * plot of mean ± standard deviation and median against the slice index; both can be exported
 * (CSV and PNG named after the image). Macro:
 * {@code run("ImageArray Per-Slice Statistics...", "axis=z export=/data/out");}
 */
public class PerSlicePlugin implements PlugIn {

	static final String COMMAND = "ImageArray Per-Slice Statistics";
	/** The table's title. */
	public static final String TABLE = "ImageArray Per-Slice Statistics";

	@Override
	public void run(final String arg) {
		final ImagePlus imp = ActiveImage.get(COMMAND);
		if (imp == null) return;
		final GenericDialog gd = new GenericDialog(COMMAND);
		gd.addChoice("Axis", Axis.labels(), Axis.Z.label());
		gd.addStringField("Export", "", 30);
		gd.addMessage("Export: a directory for the CSV and PNG; empty for none.");
		gd.showDialog();
		if (gd.wasCanceled()) return;
		final int axis = gd.getNextChoiceIndex();
		final String export = gd.getNextString().trim();
		Messages.run(COMMAND, () -> {
			final ResultsTable table = process(imp, axis);
			final ImagePlus plot = plot(table, imp.getTitle(), Axis.of(axis).label());
			if (!export.isEmpty()) export(table, plot, Paths.get(export), imp.getTitle());
			table.show(TABLE);
			if (!Interpreter.isBatchMode()) plot.show();
		});
	}

	/**
	 * @param axis 0, 1 or 2 for x, y or z
	 * @return one row per slice with the statistics of that slice
	 */
	public static ResultsTable process(final ImagePlus imp, final int axis) {
		final Selection selection = Selection.of(imp);
		final RandomAccessibleInterval<? extends RealType<?>> image = selection.image();
		if (axis >= image.numDimensions()) throw new IllegalArgumentException("The image has no " + Axis.of(axis).label() +
			" axis: it is " + image.numDimensions() + "D.");
		final RandomAccessibleInterval<BitType> mask = selection.mask();
		final StatisticsCalculator calculator = new StatisticsCalculator().progress(new ImageJProgress());
		final ResultsTable table = new ResultsTable();
		table.setPrecision(9);
		SliceStatistics.compute(image, mask, axis, calculator, (slice, s) -> {
			table.incrementCounter();
			table.addLabel(imp.getTitle());
			table.addValue("slice", slice);
			StatisticsTable.addValues(table, s);
		});
		return table;
	}

	/** @return the plot of mean ± standard deviation and median against the slice index */
	public static ImagePlus plot(final ResultsTable table, final String title, final String axis) {
		final double[] slice = table.getColumnAsDoubles(table.getColumnIndex("slice"));
		final double[] mean = table.getColumnAsDoubles(table.getColumnIndex("mean"));
		final double[] sd = table.getColumnAsDoubles(table.getColumnIndex("standarddev"));
		final double[] median = table.getColumnAsDoubles(table.getColumnIndex("median"));
		final Plot plot = new Plot(title + " per " + axis + "-slice", axis + " slice", "value");
		plot.setColor(new Color(0x1b9e77));
		plot.addPoints(slice, mean, sd, Plot.LINE);
		plot.setColor(new Color(0xd95f02));
		plot.addPoints(slice, median, Plot.LINE);
		plot.setColor(Color.BLACK);
		plot.addLegend("mean ± standard deviation\nmedian");
		plot.setLimitsToFit(false);
		return plot.getImagePlus();
	}

	/** Writes {@code <title>_per_slice.csv} and {@code .png} into a directory, atomically. */
	static void export(final ResultsTable table, final ImagePlus plot, final Path directory, final String title)
		throws IOException
	{
		AtomicFiles.checkDirectory(directory.toAbsolutePath());
		final String base = title.replaceAll("[^\\w.-]+", "_") + "_per_slice";
		AtomicFiles.write(directory.resolve(base + ".csv"), StatisticsTable.csv(table));
		SliceFigure.export(plot, directory.resolve(base + ".png"));
	}
}
