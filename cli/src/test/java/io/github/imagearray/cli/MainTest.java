package io.github.imagearray.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.io.Opener;
import io.github.imagearray.Json;
import io.github.imagearray.StatisticsCsv;
import io.github.imagearray.io.MetaElementType;
import io.github.imagearray.io.MetaImageFiles;
import io.github.imagearray.stats.Statistics;
import io.github.imagearray.stats.StatisticsCalculator;
import net.imglib2.img.array.ArrayImgs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process: outputs, exit statuses and the one-line errors. */
class MainTest {

	@TempDir
	Path dir;

	/** Output, error and status of one run. */
	static final class Run {

		/** A main method's body: arguments and streams in, exit status out. */
		@FunctionalInterface
		interface Program {

			int run(String[] args, PrintStream out, PrintStream err);
		}

		final int status;
		final String out;
		final String err;

		/** A command line of {@link Main}. */
		Run(final String... args) throws UnsupportedEncodingException {
			this(Main::run, args);
		}

		/** A command line of the benchmarks ({@link Bench}). */
		static Run bench(final String... args) throws UnsupportedEncodingException {
			return new Run(Bench::run, args);
		}

		/** What a program run as a process of its own printed, and its exit status. */
		Run(final int status, final String out, final String err) {
			this.status = status;
			this.out = out;
			this.err = err;
		}

		private Run(final Program program, final String... args) throws UnsupportedEncodingException {
			final ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
			status = program.run(args, new PrintStream(o, true, "UTF-8"), new PrintStream(e, true, "UTF-8"));
			out = new String(o.toByteArray(), StandardCharsets.UTF_8);
			err = new String(e.toByteArray(), StandardCharsets.UTF_8);
		}

		double number(final String key) {
			final Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\": (\"?[-+.\\w]+\"?)").matcher(out);
			assertTrue(m.find(), key + " in " + out);
			return Double.parseDouble(m.group(1).replace("\"", ""));
		}

		void assertOneLineError(final int expectedStatus, final String text) {
			assertEquals(expectedStatus, status, err);
			assertEquals("", out);
			assertTrue(err.startsWith("imagearray: "), err);
			assertTrue(err.contains(text), err + " should contain " + text);
			assertEquals(1, err.trim().split("\n").length, "one line: " + err);
			assertFalse(err.contains("\tat "), "no stack trace: " + err);
		}
	}

	private Path mhd(final String name, final double[] values, final String dims) throws IOException {
		return MetaImageFiles.write(dir, name, MetaImageFiles.header(MetaElementType.MET_FLOAT, dims, false, name),
			MetaImageFiles.bytes(MetaElementType.MET_FLOAT, values, ByteOrder.LITTLE_ENDIAN));
	}

	@Test
	void statsPrintsEveryKeyOfTheJsonContract() throws IOException {
		final double[] v = { 1, 2, 3, 4, 5, 6, Double.NaN, Double.POSITIVE_INFINITY };
		final Run run = new Run("stats", mhd("a", v, "4 2").toString(), "--bins", "5");
		assertEquals(0, run.status, run.err);
		// standard error is no terminal here: no progress line
		assertEquals("", run.err);
		for (final String key : new String[] { "count", "nan_count", "posinf_count", "neginf_count", "mean", "median",
			"variance", "standarddev", "skewness", "kurtosis", "minimum", "maximum", "percentiles", "histogram",
			"counts", "edges", "1", "5", "25", "75", "95", "99" })
			assertTrue(run.out.contains("\"" + key + "\": "), key);
		assertEquals(7, run.number("count"), 0);
		assertEquals(1, run.number("nan_count"), 0);
		assertEquals(1, run.number("posinf_count"), 0);
		assertEquals(Double.POSITIVE_INFINITY, run.number("mean"), 0);
		assertTrue(run.out.contains("\"mean\": \"Infinity\""));
		assertTrue(run.out.contains("\"variance\": \"NaN\""));
		assertEquals(4, run.number("median"), 0);
		assertTrue(run.out.contains("\"counts\": [1, 1, 1, 1, 2]"), run.out);
	}

	@Test
	void statsOfATiffStackEqualsTheCore() throws IOException {
		final ImageStack stack = new ImageStack(3, 2);
		for (int z = 0; z < 4; z++) {
			final short[] p = new short[6];
			for (int i = 0; i < 6; i++)
				p[i] = (short) (1000 + z * 7 + i * i);
			stack.addSlice(null, p);
		}
		final Path tif = dir.resolve("stack.tif");
		assertTrue(new FileSaver(new ImagePlus("stack", stack)).saveAsTiffStack(tif.toString()));
		final Run run = new Run("stats", tif.toString());
		assertEquals(0, run.status, run.err);
		final short[] all = new short[24];
		for (int z = 0; z < 4; z++)
			System.arraycopy((short[]) stack.getPixels(z + 1), 0, all, z * 6, 6);
		final Statistics s = new StatisticsCalculator().compute(ArrayImgs.unsignedShorts(all, 3, 2, 4));
		assertEquals(s.mean(), run.number("mean"), 0);
		assertEquals(s.median(), run.number("median"), 0);
		assertEquals(s.kurtosis(), run.number("kurtosis"), 0);
		assertEquals(24, run.number("count"), 0);
	}

	@Test
	void describeWritesTheCsvNamedAfterTheFile() throws IOException {
		final Run run = new Run("describe", mhd("volume", new double[] { 1, 2, 3, 4, 5, 6, 7, 9 }, "2 2 2").toString(),
			"--out", dir.toString());
		assertEquals(0, run.status, run.err);
		final List<String> lines = Files.readAllLines(dir.resolve("volume.csv"));
		assertEquals(StatisticsCsv.HEADER, lines.get(0));
		assertEquals(4.625, Double.parseDouble(lines.get(1).split(",")[0]), 0);
		assertEquals(dir.resolve("volume.csv").toString(), run.out.trim());
		final Run named = new Run("describe", dir.resolve("volume.mhd").toString(), "--out", dir.toString(), "--name",
			"other");
		assertEquals(0, named.status, named.err);
		assertTrue(Files.exists(dir.resolve("other.csv")));
	}

	@Test
	void demoPrintsATableAndSaysWhereTheCsvWent() throws IOException {
		final Run run = new Run("demo", "--out", dir.toString(), "--size", "24");
		assertEquals(0, run.status, run.err);
		assertEquals("", run.err);
		final List<String> csv = Files.readAllLines(dir.resolve("phantom.csv"));
		assertEquals(2, csv.size());
		assertTrue(run.out.contains("vIQA's statistics CSV: " + dir.resolve("phantom.csv").toAbsolutePath()), run.out);
		assertTrue(run.out.contains(String.format("  %-13s %,d", "voxels", 24 * 24 * 24)), run.out);
		// each statistic on its own line, to 10 significant digits of the CSV's value
		final String[] values = csv.get(1).split(",");
		for (int i = 0; i < Statistics.DESCRIBE_KEYS.length; i++) {
			final Matcher m = Pattern.compile("(?m)^  " + Statistics.DESCRIBE_KEYS[i] + " +(\\S+)$").matcher(run.out);
			assertTrue(m.find(), Statistics.DESCRIBE_KEYS[i] + " in\n" + run.out);
			final double exact = Double.parseDouble(values[i]);
			assertEquals(exact, Double.parseDouble(m.group(1)), 1e-9 * Math.abs(exact), Statistics.DESCRIBE_KEYS[i]);
		}
		assertTrue(run.out.contains("histogram: 255 bins over ["), run.out);
		assertTrue(run.out.split("\n").length < 40, "a screenful:\n" + run.out);
		// --json: the JSON of stats, and the CSV's path on standard error
		final Run json = new Run("demo", "--out", dir.toString(), "--size", "24", "--json");
		assertEquals(0, json.status, json.err);
		assertEquals(24 * 24 * 24, json.number("count"), 0);
		assertEquals(Double.parseDouble(values[1]), json.number("median"), 0);
		assertTrue(json.err.contains(dir.resolve("phantom.csv").toAbsolutePath().toString()), json.err);
	}

	@Test
	void benchReportsRatiosMeasuredInOneRun() throws IOException {
		for (final String type : new String[] { "uint8", "uint16", "float32" }) {
			final Run run = Run.bench("--size", "16", "--type", type, "--threads", "2", "--runs", "1");
			assertEquals(0, run.status, run.err);
			assertEquals(run.number("stats_seconds") / run.number("read_seconds"), run.number("ratio"), 1e-9);
			assertEquals(16 * 16 * 16, run.number("voxels"), 0);
			assertTrue(run.out.contains("\"type\": \"" + type + "\""));
		}
	}

	@Test
	void benchRunsOnEachShapeOfData() throws IOException {
		for (final String data : new String[] { "phantom", "ct-air", "outliers", "narrow", "lognormal" }) {
			final Run run = Run.bench("--size", "16", "--data", data, "--runs", "1");
			assertEquals(0, run.status, run.err);
			assertTrue(run.out.contains("\"data\": \"" + data + "\""), run.out);
			assertEquals(run.number("stats_seconds") / run.number("read_seconds"), run.number("ratio"), 1e-9);
		}
		Run.bench("--data", "noise").assertOneLineError(2,
			"--data must be phantom, ct-air, outliers, narrow or lognormal, not 'noise'");
		Run.bench("--data", "ct-air", "--type", "uint16").assertOneLineError(2,
			"--data ct-air goes with --type float32");
		Run.bench("--data", "narrow", "--labels", "8").assertOneLineError(2,
			"--data goes with the generated volume");
	}

	@Test
	void benchTimesViqasNumpyStatisticsInTheSameRun() throws IOException {
		final Path tmp = Paths.get(System.getProperty("java.io.tmpdir"));
		final long before = benchFiles(tmp);
		for (final String type : new String[] { "uint8", "float32" }) {
			final Run run = Run.bench("--size", "16", "--type", type, "--runs", "1", "--viqa", "2", "--python",
				pythonWithNumpyAndScipy());
			assertEquals(0, run.status, run.err);
			assertEquals(2, run.number("viqa_runs"), 0);
			assertTrue(run.number("viqa_seconds") > 0, run.out);
			assertEquals(run.number("viqa_seconds") / run.number("stats_seconds"), run.number("speedup_vs_viqa"), 1e-9);
		}
		assertEquals(before, benchFiles(tmp), "the temporary phantom and script are deleted");
		Run.bench("--size", "16", "--runs", "1", "--viqa", "1", "--python", dir.resolve("no-python").toString())
			.assertOneLineError(1, "bench --viqa: cannot start " + dir.resolve("no-python"));
		Run.bench("--python", "python3").assertOneLineError(2, "--python goes with --viqa");
		Run.bench("--viqa", "101").assertOneLineError(2, "--viqa must be between 0 and 100");
		Run.bench("--viqa", "1", "--labels", "8").assertOneLineError(2, "--viqa goes with the generated volume");
		Run.bench("--viqa", "1", "--file", "x.mhd").assertOneLineError(2, "--viqa goes with the generated volume");
		assertEquals(before, benchFiles(tmp));
	}

	private static long benchFiles(final Path tmp) throws IOException {
		try (Stream<Path> files = Files.list(tmp)) {
			return files.filter(p -> p.getFileName().toString().startsWith("imagearray-")).count();
		}
	}

	/** @return a Python interpreter that has numpy and scipy, which {@code .ci/run} makes sure of */
	private static String pythonWithNumpyAndScipy() throws IOException {
		for (final String python : new String[] { "python3", "/usr/bin/python3" }) {
			try {
				final Process p = new ProcessBuilder(python, "-c", "import numpy, scipy").redirectErrorStream(true).start();
				while (p.getInputStream().read() >= 0) {
					// drain
				}
				if (p.waitFor() == 0) return python;
			}
			catch (final IOException e) {
				// not there: try the next
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IOException(e);
			}
		}
		throw new AssertionError("bench --viqa needs python3 with numpy and scipy (.ci/run installs them).");
	}

	@Test
	void benchOfAFileComparesWithAPlainReadOfIt() throws IOException {
		final double[] v = new double[64 * 64 * 8];
		for (int i = 0; i < v.length; i++)
			v[i] = Math.sin(i);
		final Path file = mhd("bench", v, "64 64 8");
		final Run run = Run.bench("--file", file.toString(), "--runs", "1", "--threads", "2");
		assertEquals(0, run.status, run.err);
		assertEquals(v.length * 4, run.number("bytes"), 0);
		assertEquals(run.number("stats_seconds") / run.number("read_seconds"), run.number("ratio"), 1e-9);
		assertTrue(run.number("read_gb_per_second") > 0);
	}

	@Test
	void slicesAndHistogramWritePngsWithoutADisplay() throws IOException {
		final double[] v = new double[6 * 5 * 4];
		for (int i = 0; i < v.length; i++)
			v[i] = i % 17;
		final Path file = mhd("vol", v, "6 5 4");
		final Run slices = new Run("slices", file.toString(), "--at", "1,-1,2", "--out", dir.resolve("s.png")
			.toString());
		assertEquals(0, slices.status, slices.err);
		final BufferedImage png = ImageIO.read(dir.resolve("s.png").toFile());
		// spacing 0.5 0.5 2 (MetaImageFiles): z voxels four times as tall as x and y voxels
		assertTrue(png.getWidth() > png.getHeight(), png.getWidth() + " x " + png.getHeight());
		final Run intoDir = new Run("slices", file.toString(), "--at", "0,0,0", "--out", dir.toString(), "--lut",
			"Fire", "--range", "minmax");
		assertEquals(0, intoDir.status, intoDir.err);
		assertTrue(Files.exists(dir.resolve("vol_slices_x0_y0_z0.png")), intoDir.out);
		final Run histogram = new Run("histogram", file.toString(), "--out", dir.resolve("h.png").toString(), "--bins",
			"17");
		assertEquals(0, histogram.status, histogram.err);
		assertTrue(ImageIO.read(dir.resolve("h.png").toFile()).getWidth() > 100);
		new Run("slices", file.toString(), "--at", "0,0,4", "--out", dir.resolve("x.png").toString())
			.assertOneLineError(1, "z slice 4 is out of range: allowed -4 to 3");
		new Run("slices", file.toString(), "--at", "0,zero,0", "--out", dir.resolve("x.png").toString())
			.assertOneLineError(2, "--at takes whole numbers");
		new Run("slices", file.toString(), "--at", "0,0,0", "--out", dir.resolve("no/x.png").toString())
			.assertOneLineError(1, "Directory does not exist");
		assertFalse(Files.exists(dir.resolve("x.png")));
		// at scale 2, TIFF with a scale bar in mm; --width; bad scales and widths are usage errors
		final Run tiff = new Run("slices", file.toString(), "--at", "1,-1,2", "--out", dir.resolve("s.tif").toString(),
			"--scale", "2", "--scale-bar", "--unit", "mm");
		assertEquals(0, tiff.status, tiff.err);
		final ImagePlus read = new Opener().openImage(dir.resolve("s.tif").toString());
		assertEquals(2 * png.getWidth() / 4, read.getWidth(), "the default PNG is at scale 4, the TIFF at 2");
		assertEquals(150, 1 / read.getCalibration().pixelWidth, 1e-6, "dpi");
		final Run wide = new Run("slices", file.toString(), "--at", "1,-1,2", "--out", dir.resolve("w.png").toString(),
			"--width", "1000");
		assertEquals(0, wide.status, wide.err);
		assertEquals(1000, ImageIO.read(dir.resolve("w.png").toFile()).getWidth());
		new Run("slices", file.toString(), "--at", "0,0,0", "--out", dir.resolve("x.png").toString(), "--scale", "0")
			.assertOneLineError(2, "--scale must be above 0.0 and at most 64.0, not 0");
		new Run("slices", file.toString(), "--at", "0,0,0", "--out", dir.resolve("x.png").toString(), "--scale", "2",
			"--width", "10").assertOneLineError(2, "give --scale or --width, not both");
		assertFalse(Files.exists(dir.resolve("x.png")));
	}

	@Test
	void statsGivesTheExactPercentilesAskedFor() throws IOException {
		final double[] v = new double[7 * 6 * 5];
		final Random random = new Random(93);
		for (int i = 0; i < v.length; i++)
			v[i] = (float) (random.nextGaussian() * 50);
		final Path file = mhd("noise", v, "7 6 5");
		final Run run = new Run("stats", file.toString(), "--percentiles", "0.175,99.825,50");
		assertEquals(0, run.status, run.err);
		final double[] sorted = v.clone();
		Arrays.sort(sorted);
		// numpy's linear rule written out: h = (n - 1) p / 100 between ranks floor(h) and floor(h) + 1
		for (final String p : new String[] { "0.175", "99.825", "50", "1", "99" }) {
			final double h = (sorted.length - 1) * (Double.parseDouble(p) / 100);
			final int lo = (int) Math.floor(h);
			final double t = h - lo, a = sorted[lo], b = sorted[Math.min(lo + 1, sorted.length - 1)];
			final double expected = t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
			assertTrue(run.out.contains("\"" + p + "\": " + Json.write(expected)), p + " in " + run.out);
		}
		new Run("stats", file.toString(), "--percentiles", "101").assertOneLineError(2,
			"--percentiles takes numbers from 0 to 100");
	}

	@Test
	void statsInsideAMaskAndPerSlice() throws IOException {
		// 3 x 2 x 2 voxels 0..11; the mask keeps the odd ones
		final double[] v = new double[12], m = new double[12];
		for (int i = 0; i < 12; i++) {
			v[i] = i;
			m[i] = i % 2;
		}
		final Path image = mhd("img", v, "3 2 2");
		final Path mask = MetaImageFiles.write(dir, "mask", MetaImageFiles.header(MetaElementType.MET_UCHAR, "3 2 2",
			false, "mask"), MetaImageFiles.bytes(MetaElementType.MET_UCHAR, m, ByteOrder.LITTLE_ENDIAN));
		final Run masked = new Run("stats", image.toString(), "--mask", mask.toString());
		assertEquals(0, masked.status, masked.err);
		assertEquals(6, masked.number("count"), 0);
		assertEquals(6, masked.number("mean"), 0); // 1, 3, 5, 7, 9, 11
		assertEquals(6, masked.number("median"), 0);
		assertEquals(35.0 / 3, masked.number("variance"), 1e-12);
		final Run perSlice = new Run("stats", image.toString(), "--per-slice", "z");
		assertEquals(0, perSlice.status, perSlice.err);
		assertTrue(perSlice.out.trim().startsWith("[{\"slice\": 0, \"count\": 6"), perSlice.out);
		assertTrue(perSlice.out.contains("{\"slice\": 1, \"count\": 6, \"nan_count\": 0, \"posinf_count\": 0, " +
			"\"neginf_count\": 0, \"mean\": 8.5"), perSlice.out);
		final Run maskedSlices = new Run("stats", image.toString(), "--mask", mask.toString(), "--per-slice", "x");
		assertEquals(0, maskedSlices.status, maskedSlices.err);
		assertTrue(maskedSlices.out.contains("{\"slice\": 2, \"count\": 2"), maskedSlices.out); // x = 2: 5 and 11
		final Path small = MetaImageFiles.write(dir, "small", MetaImageFiles.header(MetaElementType.MET_UCHAR, "3 2",
			false, "small"), new byte[6]);
		new Run("stats", image.toString(), "--mask", small.toString()).assertOneLineError(1,
			"The mask is 3 x 2 but the image is 3 x 2 x 2.");
		new Run("stats", image.toString(), "--per-slice", "t").assertOneLineError(2, "--per-slice must be x, y or z");
		// labels: the mask's 0/1 as labels gives label 1 = the odd voxels
		final Run labels = new Run("stats", image.toString(), "--labels", mask.toString());
		assertEquals(0, labels.status, labels.err);
		assertTrue(labels.out.trim().startsWith("[{\"label\": 1, \"count\": 6, \"nan_count\": 0"), labels.out);
		assertEquals(6, labels.number("mean"), 0);
		new Run("stats", image.toString(), "--labels", image.toString()).assertOneLineError(1,
			"The labels must be an image of whole numbers, not of FloatType.");
	}

	@Test
	void badInputIsOneLineOnStandardErrorAndNothingWritten() throws IOException {
		new Run("stats", dir.resolve("missing.mhd").toString()).assertOneLineError(1, "File not found");
		new Run("stats", Files.write(dir.resolve("x.png"), new byte[3]).toString()).assertOneLineError(1,
			"unsupported file type");
		final Path ok = mhd("ok", new double[] { 1, 2, 3, 4 }, "2 2");
		new Run("stats", ok.toString(), "--bins", "-1").assertOneLineError(2,
			"--bins must be between 0 and 1048576 (0: automatic), not -1.");
		new Run("stats", ok.toString(), "--threads", "-1").assertOneLineError(2, "(0: all processors)");
		// 0 is the automatic number of bins, as in the menus and commands
		assertEquals(new Run("stats", ok.toString()).out, new Run("stats", ok.toString(), "--bins", "0").out);
		new Run("stats", ok.toString(), "--bins", "many").assertOneLineError(2, "--bins must be a whole number");
		new Run("stats", ok.toString(), "--colour", "red").assertOneLineError(2, "unknown option --colour");
		new Run("frobnicate").assertOneLineError(2, "unknown command 'frobnicate'");
		new Run().assertOneLineError(2, "no command given");
		new Run("describe", ok.toString()).assertOneLineError(2, "describe needs --out DIR");
		new Run("describe", ok.toString(), "--out", dir.resolve("nowhere").toString()).assertOneLineError(1,
			"Directory does not exist");
		Run.bench("--type", "rgb").assertOneLineError(2, "--type must be uint8, uint16 or float32");
		// a header that lies about the size, a truncated file and a corrupt TIFF: no CSV appears
		MetaImageFiles.write(dir, "liar", MetaImageFiles.header(MetaElementType.MET_FLOAT, "9 9", false, "liar"),
			new byte[16]);
		new Run("describe", dir.resolve("liar.mhd").toString(), "--out", dir.toString()).assertOneLineError(1,
			"is truncated");
		Files.write(dir.resolve("broken.tif"), "II*\u0000garbage".getBytes(StandardCharsets.ISO_8859_1));
		new Run("describe", dir.resolve("broken.tif").toString(), "--out", dir.toString()).assertOneLineError(1,
			"broken.tif");
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(0, files.filter(p -> p.toString().endsWith(".csv")).count());
		}
	}

	@Test
	void helpListsTheCommands() throws IOException {
		final Run run = new Run("--help");
		assertEquals(0, run.status);
		for (final String command : new String[] { "stats FILE", "describe FILE", "demo", "slices FILE",
			"histogram FILE", "--labels", "--mask", "--per-slice", "--json", "NIfTI", ".nii.gz", "MetaImage", "TIFF",
			"BigTIFF", "(0, the default: automatic" })
			assertTrue(run.out.contains(command), command);
	}

	@Test
	void theBenchmarksRunFromABuildAndListTheirOptions() throws IOException {
		new Run("bench", "--size", "16").assertOneLineError(2, "bench runs from a build: java -cp " +
			"cli/target/imagearray-cli.jar:cli/target/test-classes io.github.imagearray.cli.Bench");
		final Run help = Run.bench("--help");
		assertEquals(0, help.status, help.err);
		for (final String option : new String[] { "--data phantom|ct-air", "--viqa R", "--labels L", "--file FILE" })
			assertTrue(help.out.contains(option), option);
	}

	@Test
	void csvRowMatchesJsonOfTheSameImage() throws IOException {
		final Path file = mhd("same", new double[] { 0.5, 0.25, 8, 3 }, "2 2");
		final Run stats = new Run("stats", file.toString());
		new Run("describe", file.toString(), "--out", dir.toString());
		final double[] row = Stream.of(Files.readAllLines(dir.resolve("same.csv")).get(1).split(",")).mapToDouble(
			Double::parseDouble).toArray();
		final double[] json = Stream.of(Statistics.DESCRIBE_KEYS).mapToDouble(stats::number).toArray();
		assertArrayEquals(json, row, 0);
		assertEquals(8, Stream.of(Statistics.DESCRIBE_KEYS).collect(Collectors.toList()).size());
	}

	@Test
	void messagesShowNoRawControlCharacterAndNeverNull() throws IOException {
		// a header with old Mac line ends and a carriage return inside a value
		final Path mhd = dir.resolve("cr.mhd");
		Files.write(mhd, "ObjectType = Image\rNDims = 2\rDimSize = 2 2\rElementType = MET_\rFLOAT\r".getBytes(
			StandardCharsets.US_ASCII));
		final Run run = new Run("stats", mhd.toString());
		run.assertOneLineError(1, mhd.toString());
		assertFalse(run.err.trim().contains("\r"), run.err);
		assertFalse(run.err.contains("null"), run.err);
		final Path empty = dir.resolve("empty.nii.gz");
		Files.write(empty, new byte[0]);
		final Run gz = new Run("stats", empty.toString());
		gz.assertOneLineError(1, empty.toString());
		assertFalse(gz.err.contains("null"), gz.err);
	}

	@Test
	void twentyThousandSlicesOfOneVoxelEachAreRowsInOrder() throws IOException {
		final double[] v = new double[20_000];
		for (int i = 0; i < v.length; i++)
			v[i] = i % 7 - 3;
		final Run run = new Run("stats", mhd("line", v, "1 1 20000").toString(), "--per-slice", "z", "--bins", "1");
		assertEquals(0, run.status, run.err);
		final String[] rows = run.out.split("\n");
		assertEquals(20_000, rows.length);
		for (int i = 0; i < rows.length; i += 997) {
			assertTrue(rows[i].contains("{\"slice\": " + i + ", \"count\": 1, "), rows[i]);
			assertTrue(rows[i].contains("\"median\": " + (double) (i % 7 - 3) + ","), rows[i]);
		}
	}

	@Test
	void perSliceRowsStreamForEveryAxisAndMatchTheSlicesOnTheirOwn() throws IOException {
		final double[] v = new double[4 * 3 * 5];
		for (int i = 0; i < v.length; i++)
			v[i] = (i * 37) % 11 - 3.5;
		final Path file = mhd("ps", v, "4 3 5");
		for (final String axis : new String[] { "x", "y", "z" }) {
			final Run run = new Run("stats", file.toString(), "--per-slice", axis);
			assertEquals(0, run.status, run.err);
			final int slices = axis.equals("x") ? 4 : axis.equals("y") ? 3 : 5;
			assertEquals(slices, run.out.split("\"slice\": ").length - 1, run.out);
			assertTrue(run.out.startsWith("[{\"slice\": 0, ") && run.out.trim().endsWith("}]"), run.out);
		}
	}
}
