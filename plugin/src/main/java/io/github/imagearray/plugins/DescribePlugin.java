package io.github.imagearray.plugins;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;

import ij.IJ;
import ij.ImagePlus;
import ij.Prefs;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import io.github.imagearray.AtomicFiles;
import io.github.imagearray.StatisticsCsv;
import io.github.imagearray.bridge.Selection;
import io.github.imagearray.stats.StatisticsCalculator;

/**
 * {@code Analyze > ImageArray > ImageArray Describe...}: writes vIQA's statistics CSV of the active
 * image, in its calibrated values (as Measure), or its stored values ({@code raw}). Directory and
 * file name are remembered between runs. Macro:
 * {@code run("ImageArray Describe...", "directory=/data/out filename=stats");}
 */
public class DescribePlugin implements PlugIn {

	static final String COMMAND = "ImageArray Describe";
	private static final String DIRECTORY = "imagearray.describe.directory";
	private static final String FILENAME = "imagearray.describe.filename";

	@Override
	public void run(final String arg) {
		Messages.run(COMMAND, () -> {
			final ImagePlus imp = ActiveImage.get();
			final GenericDialog gd = new GenericDialog(COMMAND);
			gd.addDirectoryField("Directory", Prefs.get(DIRECTORY, IJ.getDirectory("home")));
			gd.addStringField("Filename", Prefs.get(FILENAME, "statistics.csv"), 30);
			RawField.addTo(gd);
			gd.showDialog();
			if (gd.wasCanceled()) return;
			final String directory = gd.getNextString().trim();
			final String filename = gd.getNextString().trim();
			final boolean raw = gd.getNextBoolean();
			final Path written = process(imp, Paths.get(directory), filename, raw);
			Prefs.set(DIRECTORY, directory);
			Prefs.set(FILENAME, filename);
			IJ.showStatus(COMMAND + ": wrote " + written);
		});
	}

	/**
	 * The work behind the command, without any dialog: the CSV of the image's calibrated values (or
	 * its selection's).
	 *
	 * @return the file written
	 * @throws IOException naming the path when it cannot be written
	 */
	public static Path process(final ImagePlus imp, final Path directory, final String filename)
		throws IOException
	{
		return process(imp, directory, filename, false);
	}

	/**
	 * @param raw true for the stored values, false for the calibrated ones
	 * @return the file written
	 * @throws IOException naming the path when it cannot be written
	 */
	public static Path process(final ImagePlus imp, final Path directory, final String filename, final boolean raw)
		throws IOException
	{
		if (directory.toString().isEmpty()) throw new IllegalArgumentException("No directory given.");
		if (filename.isEmpty()) throw new IllegalArgumentException("No file name given.");
		final String name = StatisticsCsv.withExtension(filename);
		AtomicFiles.checkDirectory(directory.toAbsolutePath());
		return StatisticsCsv.write(directory, name, Selection.of(imp).statistics(new StatisticsCalculator().progress(
			new ImageJProgress()), raw));
	}
}
