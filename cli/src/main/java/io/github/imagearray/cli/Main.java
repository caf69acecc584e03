package io.github.imagearray.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import ij.ImagePlus;
import io.github.imagearray.AtomicFiles;
import io.github.imagearray.Json;
import io.github.imagearray.StatisticsCsv;
import io.github.imagearray.StatisticsJson;
import io.github.imagearray.StatisticsTable;
import io.github.imagearray.command.Arguments;
import io.github.imagearray.command.ExitStatus;
import io.github.imagearray.command.UsageException;
import io.github.imagearray.display.FigureFiles;
import io.github.imagearray.display.HistogramFigure;
import io.github.imagearray.display.ImageJSliceRenderer;
import io.github.imagearray.display.SliceFigure;
import io.github.imagearray.io.ImageFileException;
import io.github.imagearray.io.ImageFile;
import io.github.imagearray.io.ImageFiles;
import io.github.imagearray.io.OpenOptions;
import io.github.imagearray.slices.Axis;
import io.github.imagearray.slices.Contrast;
import io.github.imagearray.stats.LabelStatistics;
import io.github.imagearray.stats.Masks;
import io.github.imagearray.stats.SliceStatistics;
import io.github.imagearray.stats.Statistics;
import io.github.imagearray.stats.StatisticsCalculator;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.logic.BitType;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

/**
 * The command line: {@code imagearray COMMAND ...} (the distribution's {@code bin/imagearray}) or
 * {@code java -jar imagearray-cli.jar COMMAND ...}. Results go to standard
 * output; a problem is one line on standard error and a non-zero exit status (2 for a wrong
 * command line, 1 for input that cannot be used), never a stack trace.
 */
public final class Main {

	static final String USAGE = String.join("\n", //
		"Usage: imagearray COMMAND ...  (or java -jar imagearray-cli.jar COMMAND ...)", //
		"  stats FILE [--bins N] [--threads T] [--mask MASK | --labels LABELS] [--per-slice x|y|z]", //
		"        [--percentiles P,...]              statistics of an image as JSON; inside a mask (voxels where", //
		"                                           MASK is non-zero), per label of LABELS (whole numbers, 0 is", //
		"                                           background: a JSON array) or per slice (a JSON array); exact", //
		"                                           percentiles P (e.g. 0.175,99.825) beside 1, 5, 25, 75, 95, 99", //
		"  stats FILE FILE... [--bins N] [--threads T] [--percentiles P,...] [--skip-unreadable]", //
		"                                           a JSON line per file, in the order given: \"file\", \"voxels\",", //
		"                                           then the statistics", //
		"  describe FILE --out DIR [--name NAME]    vIQA's statistics CSV (NAME defaults to the file's name)", //
		"  describe FILE FILE... --out DIR [--name NAME] [--threads T] [--skip-unreadable]", //
		"                                           DIR/NAME.csv (NAME defaults to statistics): a row per file, in", //
		"                                           the order given, vIQA's columns, counts and percentiles", //
		"  --skip-unreadable                        go on past a file that cannot be read: say it on standard", //
		"                                           error and list it in DIR/NAME-skipped.csv (else: exit 1)", //
		"  demo [--out DIR] [--size N] [--json]     statistics of a built-in noisy 3D phantom as a table (--json:", //
		"                                           JSON) and its CSV, written to DIR (default: the current one)", //
		"  slices FILE --at X,Y,Z --out FILE.png|FILE.tif|DIR [--lut NAME] [--range auto|minmax]", //
		"         [--scale S | --width PIXELS] [--scale-bar [--unit NAME]]", //
		"                                           vIQA's three orthogonal slices as PNG or TIFF (negative: from", //
		"                                           the end), lines and text drawn at scale S (default 4: 300 dpi)", //
		"  histogram FILE --out FILE.png [--bins N] the histogram with the statistics as PNG", //
		"FILE may be a folder of 2D images of one size and type (TIFF, PNG, BMP), slices in natural order of their", //
		"  names; --pattern GLOB (e.g. '*.tif') selects its files; a folder of DICOM files (one series, or", //
		"  --series UID) or a DICOM file (multi-frame: Enhanced CT/MR, RT Dose, SEG; uncompressed, deflated, RLE,", //
		"  JPEG); an HDF5 dataset FILE.h5:/path; a Zarr, OME-Zarr or N5 directory.", //
		"Options: --bins N, 0 to 1048576 (0, the default: automatic, one bin per value for integers up to 65,536,", //
		"  255 for floats); --threads T, 0 (the default: all processors) or more.", //
		"FILE: TIFF (.tif, .tiff: 8/16/32-bit integers signed or not, 32/64-bit floats; uncompressed, LZW, deflate,", //
		"  PackBits; strips, tiles, BigTIFF; pages of one size and type are the planes of a stack), NIfTI-1 (.nii,", //
		"  .nii.gz) and MetaImage (.mhd with its data file, .mha).");

	private final PrintStream out;
	private final PrintStream err;

	private Main(final PrintStream out, final PrintStream err) {
		this.out = out;
		this.err = err;
	}

	public static void main(final String[] args) throws UnsupportedEncodingException {
		System.setProperty("java.awt.headless", "true");
		System.exit(run(args, new PrintStream(System.out, true, "UTF-8"), System.err));
	}

	/** Runs a command; returns the exit status. */
	static int run(final String[] args, final PrintStream out, final PrintStream err) {
		return ExitStatus.of(err, () -> {
			new Main(out, err).dispatch(args);
			out.flush();
		});
	}

	private void dispatch(final String[] args) throws IOException {
		if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
			if (args.length == 0) throw new UsageException("no command given; --help lists the commands.");
			out.println(USAGE);
			return;
		}
		final String[] rest = Arrays.copyOfRange(args, 1, args.length);
		switch (args[0]) {
			case "stats":
				stats(new Arguments("stats", rest, "bins", "threads", "mask", "labels", "per-slice", "pattern",
					"series", "percentiles", "skip-unreadable"));
				break;
			case "describe":
				describe(new Arguments("describe", rest, "out", "name", "pattern", "series", "threads", "skip-unreadable"));
				break;
			case "demo":
				demo(new Arguments("demo", rest, "out", "size", "json"));
				break;
			case "slices":
				slices(new Arguments("slices", rest, "at", "out", "lut", "range", "pattern", "series", "scale", "width",
					"scale-bar", "unit"));
				break;
			case "histogram":
				histogram(new Arguments("histogram", rest, "out", "bins", "pattern", "series"));
				break;
			case "bench":
				throw new UsageException("bench runs from a build: java -cp cli/target/imagearray-cli.jar:cli/target/test-classes " +
					"io.github.imagearray.cli.Bench ...");
			default:
				throw new UsageException("unknown command '" + args[0] + "'; --help lists the commands.");
		}
	}

	private static StatisticsCalculator calculator(final Arguments a) {
		final StatisticsCalculator calculator = new StatisticsCalculator().threads(a.integer("threads", 0, 0, 1024,
			" (0: all processors)")).binsOrAutomatic(a.integer("bins", 0, 0, StatisticsCalculator.MAX_BINS,
				" (0: automatic)"));
		if (!a.has("percentiles")) return calculator;
		final String[] listed = a.option("percentiles", "").split(",");
		final double[] percentiles = new double[listed.length];
		try {
			for (int i = 0; i < listed.length; i++)
				percentiles[i] = Double.parseDouble(listed[i].trim());
			return calculator.percentiles(percentiles);
		}
		catch (final IllegalArgumentException e) {
			throw new UsageException(a.command() + ": --percentiles takes numbers from 0 to 100 such as 0.175,99.825, not '" +
				a.option("percentiles", "") + "'" + (e instanceof NumberFormatException ? "." : ": " + e.getMessage()));
		}
	}

	private void stats(final Arguments a) throws IOException {
		final StatisticsCalculator calculator = calculator(a);
		final List<String> files = a.positional();
		if (files.size() > 1) {
			if (a.has("mask") || a.has("labels") || a.has("per-slice")) throw new UsageException(
				"stats: --mask, --labels and --per-slice go with one image file, not " + files.size() + ".");
			measureMany(a, calculator, files, (file, voxels, s) -> {
				out.println(Json.write(StatisticsJson.ofFile(file, null, voxels, s)));
				out.flush();
			}, (file, problem) -> {});
			return;
		}
		final Path file = Paths.get(a.single("image file"));
		final int axis = a.has("per-slice") ? axis(a.option("per-slice", "z")) : -1;
		final RandomAccessibleInterval<? extends RealType<?>> image = image(file, a);
		if (a.has("labels")) {
			if (a.has("mask") || axis >= 0) throw new UsageException("stats: --labels goes with neither --mask nor --per-slice.");
			labelRows(image, ImageFiles.open(Paths.get(a.option("labels", ""))), calculator);
			return;
		}
		final RandomAccessibleInterval<BitType> mask = a.has("mask") ? Masks.nonZero(ImageFiles.open(Paths.get(a
			.option("mask", "")))) : null;
		if (axis < 0) {
			final StatisticsCalculator shown = calculator.progress(TerminalProgress.of(err, Intervals.numElements(
				image)));
			out.println(Json.write(StatisticsJson.of(mask == null ? shown.compute(image) : shown.compute(image, mask))));
			return;
		}
		if (axis >= image.numDimensions()) throw new UsageException("stats: --per-slice " + a.option("per-slice", "") +
			" but the image has " + image.numDimensions() + " dimensions.");
		final Json.Items rows = new Json.Items(out);
		SliceStatistics.compute(image, mask, axis, calculator, (slice, s) -> {
			final Map<String, Object> row = new LinkedHashMap<>();
			row.put("slice", slice);
			row.putAll(StatisticsJson.of(s));
			rows.add(row);
		});
		rows.end();
	}

	@SuppressWarnings("unchecked")
	private void labelRows(final RandomAccessibleInterval<? extends RealType<?>> image,
		final RandomAccessibleInterval<? extends RealType<?>> labels, final StatisticsCalculator calculator)
	{
		if (!(Views.flatIterable(labels).firstElement() instanceof IntegerType)) throw new IllegalArgumentException(
			"The labels must be an image of whole numbers, not of " + Views.flatIterable(labels).firstElement().getClass()
				.getSimpleName() + ".");
		final Json.Items rows = new Json.Items(out);
		LabelStatistics.compute(image, (RandomAccessibleInterval<? extends IntegerType<?>>) labels, calculator, (label,
			s) -> {
			final Map<String, Object> row = new LinkedHashMap<>();
			row.put("label", label);
			row.putAll(StatisticsJson.of(s));
			rows.add(row);
		});
		rows.end();
	}

	private static int axis(final String name) {
		try {
			return Axis.named(name, "stats: --per-slice").dimension();
		}
		catch (final IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
	}


	private void describe(final Arguments a) throws IOException {
		final List<String> files = a.positional();
		if (files.size() > 1) {
			describeMany(a, files);
			return;
		}
		final Path file = Paths.get(a.single("image file"));
		if (!a.has("out")) throw new UsageException("describe needs --out DIR.");
		final Path dir = Paths.get(a.option("out", "."));
		final String name = a.option("name", baseName(file));
		final String csv = StatisticsCsv.withExtension(name);
		AtomicFiles.checkDirectory(dir.toAbsolutePath());
		final StatisticsCalculator calculator = calculator(a);
		final RandomAccessibleInterval<? extends RealType<?>> image = image(file, a);
		final Path written = StatisticsCsv.write(dir, csv, calculator.progress(TerminalProgress.of(err,
			Intervals.numElements(image))).compute(image));
		out.println(written);
	}

	/**
	 * Writes DIR/NAME.csv, a row per file in the order given, through NAME.csv.partial; with
	 * --skip-unreadable also DIR/NAME-skipped.csv, the files that could not be read and why.
	 */
	private void describeMany(final Arguments a, final List<String> files) throws IOException {
		if (!a.has("out")) throw new UsageException("describe needs --out DIR.");
		final Path dir = Paths.get(a.option("out", ".")).toAbsolutePath();
		final String csv = StatisticsCsv.withExtension(a.option("name", "statistics"));
		final boolean skip = a.flag("skip-unreadable");
		AtomicFiles.checkDirectory(dir);
		try (RowFile table = RowFile.create(dir.resolve(csv), StatisticsTable.header(false)); RowFile skipped = skip
			? RowFile.create(dir.resolve(csv.substring(0, csv.length() - 4) + "-skipped.csv"),
				StatisticsTable.UNREADABLE_HEADER) : null)
		{
			measureMany(a, calculator(a), files, (file, voxels, s) -> table.add(StatisticsTable.row(file,
				null, voxels, s)), (file, problem) -> skipped.add(StatisticsTable.unreadableRow(file,
					problem)));
			// the list first: a new NAME.csv is always beside its own run's list
			final Path skippedWritten = skipped == null ? null : skipped.finish();
			out.println(table.finish());
			if (skippedWritten != null) out.println(skippedWritten);
		}
	}

	/**
	 * Measures the files with these options (--threads, --pattern, --series, --skip-unreadable), each
	 * file skipped said on standard error before {@code skipped} has it; the files' progress, the
	 * readers' warnings and those lines share standard error without overwriting one another.
	 */
	private void measureMany(final Arguments a, final StatisticsCalculator calculator, final List<String> files,
		final ManyFiles.Rows rows, final ManyFiles.Unreadable skipped) throws IOException
	{
		final int threads = a.integer("threads", 0, 0, 1024, " (0: all processors)");
		final TerminalProgress progress = TerminalProgress.files(err, files.size());
		final ManyFiles many = new ManyFiles(calculator, threads == 0 ? Runtime.getRuntime().availableProcessors()
			: threads, options(a, progress::say));
		many.measure(files, a.flag("skip-unreadable"), rows, (file, problem) -> {
			progress.say("imagearray: skipped " + ManyFiles.named(file, problem));
			skipped.skipped(file, problem);
		}, progress);
	}

	private void demo(final Arguments a) throws IOException {
		a.noPositional();
		final int size = a.integer("size", 256, 2, 2048);
		final boolean json = a.flag("json");
		final Path dir = Paths.get(a.option("out", ".")).toAbsolutePath();
		AtomicFiles.checkDirectory(dir);
		final Statistics s = new StatisticsCalculator().compute((RandomAccessibleInterval) Phantom.create(
			Phantom.Type.FLOAT32, size, 1));
		final Path csv = StatisticsCsv.write(dir, "phantom.csv", s).normalize();
		if (json) {
			out.println(Json.write(StatisticsJson.of(s)));
			err.println("Wrote " + csv);
			return;
		}
		out.printf(Locale.ROOT, "Statistics of the built-in noisy %d x %d x %d float32 phantom:%n%n", size, size,
			size);
		out.print(StatisticsText.of(s));
		out.printf("%nvIQA's statistics CSV: %s%n(--json prints the statistics as JSON, --out DIR writes the CSV " +
			"elsewhere.)%n", csv);
	}

	private void slices(final Arguments a) throws IOException {
		final Path file = Paths.get(a.single("image file"));
		if (!a.has("at")) throw new UsageException("slices needs --at X,Y,Z.");
		if (!a.has("out")) throw new UsageException("slices needs --out FILE.png, FILE.tif or a directory.");
		if (a.has("scale") && a.has("width")) throw new UsageException("slices: give --scale or --width, not both.");
		final String[] at = a.option("at", "").split(",");
		final long[] slices = new long[at.length];
		for (int i = 0; i < at.length; i++) {
			try {
				slices[i] = Long.parseLong(at[i].trim());
			}
			catch (final NumberFormatException e) {
				throw new UsageException("slices: --at takes whole numbers X,Y,Z, not '" + a.option("at", "") + "'.");
			}
		}
		final Contrast contrast;
		try {
			contrast = Contrast.keyed(a.option("range", Contrast.AUTOMATIC.key()), "slices: --range");
		}
		catch (final IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
		final ImageFile read = read(file, a);
		final RandomAccessibleInterval<? extends RealType<?>> image = read.image();
		if (image.numDimensions() == 3 && slices.length != 3) throw new UsageException(
			"slices: --at takes three indices X,Y,Z, not " + slices.length + ".");
		if (image.numDimensions() == 2) err.println("imagearray: " + ImageJSliceRenderer.SLICES_IGNORED);
		final double[] voxel = read.voxelSize();
		final boolean calibrated = voxel[0] != 1 || voxel[1] != 1 || voxel.length > 2 && voxel[2] != 1;
		final Path target = output(a);
		final SliceFigure style = new SliceFigure().voxelSize(voxel).unit(a.option("unit", calibrated ? "units"
			: "pixel")).contrast(contrast).lut(a.option("lut", null)).scaleBar(a.flag("scale-bar"));
		final double scale = a.has("width") ? style.scaleForWidth(image, a.integer("width", 0, 1, Integer.MAX_VALUE))
			: a.decimal("scale", SliceFigure.DEFAULT_EXPORT_SCALE, 0, SliceFigure.MAX_SCALE);
		final ImagePlus figure = style.renderAtScale(image, baseName(file), scale, slices);
		out.println(FigureFiles.export(figure, target));
	}

	private void histogram(final Arguments a) throws IOException {
		final StatisticsCalculator calculator = calculator(a);
		final Path file = Paths.get(a.single("image file"));
		if (!a.has("out")) throw new UsageException("histogram needs --out FILE.png or a directory.");
		final Path target = output(a);
		final RandomAccessibleInterval<? extends RealType<?>> image = image(file, a);
		final Statistics s = calculator.progress(TerminalProgress.of(err, Intervals.numElements(image))).compute(image);
		out.println(FigureFiles.export(HistogramFigure.render(s, baseName(file)), target));
	}

	/** @return the --out path, after checking that it or its directory exists */
	private static Path output(final Arguments a) throws IOException {
		final Path target = Paths.get(a.option("out", "")).toAbsolutePath();
		AtomicFiles.checkDirectory(Files.isDirectory(target) ? target : target
			.getParent());
		return target;
	}

	/** @return the image of the file, or of the folder's files that --pattern or --series selects */
	private RandomAccessibleInterval<? extends RealType<?>> image(final Path file, final Arguments a)
		throws IOException
	{
		return read(file, a).image();
	}

	/**
	 * @return the file, or the folder's files that --pattern or --series selects, opened once; what
	 *         the file records but is not applied said on standard error
	 */
	private ImageFile read(final Path file, final Arguments a) throws IOException {
		return ImageFiles.read(file, options(a, err::println));
	}

	/** @return how a folder is read (--pattern, --series), each warning as a line {@code imagearray: ...} to {@code say} */
	private static OpenOptions options(final Arguments a, final Consumer<String> say) {
		return OpenOptions.NONE.pattern(a.option("pattern", null)).series(a.option("series", null)).warnings(
			warning -> say.accept("imagearray: " + warning));
	}

	private static String baseName(final Path file) {
		final String name = file.getFileName().toString();
		final int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) : name;
	}
}
