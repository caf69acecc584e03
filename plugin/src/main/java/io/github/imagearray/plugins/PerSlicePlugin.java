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
import io.github.imagearray.bridge.ImagePlusImgs;
import io.github.imagearray.bridge.Selection;
import io.github.imagearray.display.FigureFiles;
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
 * (CSV and PNG named after the image). For a hyperstack, the current channel and frame or each
 * ({@code each}, rows with {@code channel} and {@code frame}, a mean line for each in the plot).
 * An image with a calibration function is measured in its calibrated values, or its stored values
 * ({@code raw}). Macro:
 * {@code run("ImageArray Per-Slice Statistics...", "axis=z export=/data/out");}
 */
public class PerSlicePlugin implements PlugIn {

	static final String COMMAND = "ImageArray Per-Slice Statistics";
	/** The table's title. */
	public static final String TABLE = "ImageArray Per-Slice Statistics";

	@Override
	public void run(final String arg) {
		Messages.run(COMMAND, () -> {
			final ImagePlus imp = ActiveImage.get();
			final GenericDialog gd = new GenericDialog(COMMAND);
			gd.addChoice("Axis", Axis.labels(), Axis.Z.label());
			if (Hyperstack.isHyperstack(imp)) Hyperstack.addTo(gd);
			gd.addStringField("Export", "", 30);
			gd.addMessage("Export: a directory for the CSV and PNG; empty for none.");
			RawField.addTo(gd);
			gd.showDialog();
			if (gd.wasCanceled()) return;
			final int axis = gd.getNextChoiceIndex();
			final boolean each = Hyperstack.isHyperstack(imp) && gd.getNextBoolean();
			final String export = gd.getNextString().trim();
			final boolean raw = gd.getNextBoolean();
			final ResultsTable table = process(imp, axis, each, raw);
			final ImagePlus plot = plot(table, imp.getTitle(), Axis.of(axis).label());
			if (!export.isEmpty()) export(table, plot, Paths.get(export), imp.getTitle());
			table.show(TABLE);
			if (!Interpreter.isBatchMode()) plot.show();
		});
	}

	/**
	 * @param axis 0, 1 or 2 for x, y or z
	 * @return one row per slice with the statistics of the calibrated values of that slice, of the
	 *         current channel and frame
	 */
	public static ResultsTable process(final ImagePlus imp, final int axis) {
		return process(imp, axis, false, false);
	}

	/**
	 * @param axis 0, 1 or 2 for x, y or z
	 * @param each each channel and frame of a hyperstack, not only the current ones
	 * @param raw true for the stored values, false for the calibrated ones
	 * @return one row per slice (and channel and frame) with the statistics of that slice
	 */
	public static ResultsTable process(final ImagePlus imp, final int axis, final boolean each, final boolean raw) {
		final StatisticsCalculator calculator = ImagePlusImgs.measuring(new StatisticsCalculator().progress(
			new ImageJProgress()), imp, raw);
		final String unit = ImagePlusImgs.valueUnit(imp, raw);
		final ResultsTable table = new ResultsTable();
		table.setPrecision(9);
		for (final Hyperstack.Position at : Hyperstack.positions(imp, each)) {
			final Selection selection = Selection.of(imp, at.channel, at.frame);
			final RandomAccessibleInterval<? extends RealType<?>> image = selection.image();
			if (axis >= image.numDimensions()) throw new IllegalArgumentException("The image has no " + Axis.of(axis)
				.label() + " axis: it is " + image.numDimensions() + "D.");
			final RandomAccessibleInterval<BitType> mask = selection.mask();
			SliceStatistics.compute(image, mask, axis, calculator, (slice, s) -> {
				table.incrementCounter();
				table.addLabel(imp.getTitle());
				table.addValue("slice", slice);
				at.addColumns(table, imp);
				StatisticsTable.addValues(table, s, unit);
			});
		}
		return table;
	}

	/**
	 * @return the plot of mean ± standard deviation and median against the slice index; for rows of
	 *         several channels or frames, the mean of each
	 */
	public static ImagePlus plot(final ResultsTable table, final String title, final String axis) {
		if (table.size() > 0 && table.columnExists("channel") && !samePosition(table, 0, table.size() - 1))
			return plotEach(table, title, axis);
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

	/** The plot of rows of several channels and frames: a mean line for each, in the order of the rows. */
	private static ImagePlus plotEach(final ResultsTable table, final String title, final String axis) {
		final Plot plot = new Plot(title + " per " + axis + "-slice", axis + " slice", "mean");
		final StringBuilder legend = new StringBuilder();
		for (int from = 0, line = 0; from < table.size(); line++) {
			int to = from + 1;
			while (to < table.size() && samePosition(table, from, to))
				to++;
			final double[] slice = new double[to - from], mean = new double[to - from];
			for (int r = from; r < to; r++) {
				slice[r - from] = table.getValue("slice", r);
				mean[r - from] = table.getValue("mean", r);
			}
			plot.setColor(Color.getHSBColor(line * 0.618034f % 1, 0.8f, 0.75f));
			plot.addPoints(slice, mean, Plot.LINE);
			legend.append(legend.length() > 0 ? "\n" : "").append("channel ").append((int) table.getValue("channel", from))
				.append(", frame ").append((int) table.getValue("frame", from));
			from = to;
		}
		plot.setColor(Color.BLACK);
		plot.addLegend(legend.toString());
		plot.setLimitsToFit(false);
		return plot.getImagePlus();
	}

	/** @return whether rows a and b are of the same channel and frame */
	private static boolean samePosition(final ResultsTable table, final int a, final int b) {
		return table.getValue("channel", a) == table.getValue("channel", b) && table.getValue("frame", a) == table
			.getValue("frame", b);
	}

	/** Writes {@code <title>_per_slice.csv} and {@code .png} into a directory, atomically. */
	static void export(final ResultsTable table, final ImagePlus plot, final Path directory, final String title)
		throws IOException
	{
		AtomicFiles.checkDirectory(directory.toAbsolutePath());
		final String base = title.replaceAll("[^\\w.-]+", "_") + "_per_slice";
		AtomicFiles.write(directory.resolve(base + ".csv"), StatisticsTable.csv(table));
		FigureFiles.export(plot, directory.resolve(base + ".png"));
	}
}
