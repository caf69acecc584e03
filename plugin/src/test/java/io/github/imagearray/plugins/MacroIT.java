package io.github.imagearray.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.OvalRoi;
import ij.io.FileSaver;
import io.github.imagearray.ReferenceFiles;
import io.github.imagearray.StatisticsCsv;
import io.github.imagearray.bridge.Selection;
import io.github.imagearray.display.SliceFigure;
import io.github.imagearray.io.ImageFiles;
import io.github.imagearray.stats.Statistics;
import io.github.imagearray.stats.StatisticsCalculator;
import net.imglib2.img.array.ArrayImgs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: the menu commands through macros in the assembled ImageJ under Xvfb. */
class MacroIT {

	@TempDir
	Path dir;

	/** Creates a noisy 16-bit stack, saves it, measures it, writes every column at full precision. */
	private String measureMacro(final String selection) {
		final String d = dir.toString().replace("\\", "/") + "/";
		return String.join("\n", //
			"newImage('ct', '16-bit ramp', 48, 40, 9);", //
			"run('Add Specified Noise...', 'stack standard=300');", //
			"saveAs('Tiff', '" + d + "ct.tif');", //
			selection, //
			"run('ImageArray Statistics...', 'bins=256');", //
			"columns = newArray('mean','median','variance','standarddev','skewness','kurtosis','minimum','maximum','count','nan_count','p1','p5','p25','p75','p95','p99');", //
			"s = '';", //
			"for (i = 0; i < columns.length; i++) s = s + columns[i] + '=' + String.format('%.17g', getResult(columns[i], 0)) + '\\n';", //
			"File.saveString(s, '" + d + "values.txt');", //
			"run('ImageArray Describe...', 'directory=[" + d + "] filename=described');", //
			"print('done');").replace('\'', '"');
	}

	private Map<String, Double> values() throws IOException {
		final Map<String, Double> map = new HashMap<>();
		for (final String line : Files.readAllLines(dir.resolve("values.txt")))
			if (line.contains("=")) map.put(line.substring(0, line.indexOf('=')), Double.parseDouble(line.substring(line
				.indexOf('=') + 1)));
		return map;
	}

	private void assertSameAsCore(final Statistics s) throws IOException {
		final Map<String, Double> v = values();
		for (final Map.Entry<String, Double> e : s.describe().entrySet())
			assertEquals(e.getValue(), v.get(e.getKey()), 0, e.getKey());
		assertEquals(s.count(), v.get("count"), 0);
		assertEquals(0, v.get("nan_count"), 0);
		for (final double p : Statistics.PERCENTILES)
			assertEquals(s.percentile(p), v.get("p" + (int) p), 0, "p" + p);
		final List<String> csv = Files.readAllLines(dir.resolve("described.csv"));
		assertEquals(StatisticsCsv.HEADER, csv.get(0));
		assertEquals(StatisticsCsv.row(s.describe()), csv.get(1));
	}

	@Test
	void statisticsAndDescribeInBatchModeEqualTheCoreAndTheCommandLine() throws Exception {
		final AssembledImageJ.Result r = AssembledImageJ.batch(dir, measureMacro(""));
		assertTrue(r.output.contains("done"), r.output);
		AssembledImageJ.assertNoStackTrace(r);
		final ImagePlus imp = IJ.openImage(dir.resolve("ct.tif").toString());
		final Statistics s = Selection.of(imp).statistics(new StatisticsCalculator().bins(256));
		assertSameAsCore(s);
		assertEquals(48 * 40 * 9, s.count());
		// the command line on the same file gives the same numbers
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		final Class<?> main = Class.forName("io.github.imagearray.cli.Main");
		final Method run = main.getDeclaredMethod("run", String[].class, PrintStream.class,
			PrintStream.class);
		run.setAccessible(true);
		assertEquals(0, run.invoke(null, new String[] { "stats", dir.resolve("ct.tif").toString(), "--bins", "256" },
			new PrintStream(out, true, "UTF-8"), System.err));
		assertTrue(out.toString("UTF-8").contains("\"median\": " + s.median()), out.toString("UTF-8"));
	}

	/**
	 * DICOM files opened by ImageJ's own reader (File &gt; Open): the CT, which ImageJ keeps as stored
	 * values with a calibration function, and an MR with a fractional rescale, which ImageJ converts
	 * to 32-bit; ImageArray Statistics measures what Measure measures, numpy's values of the rescaled
	 * data, and {@code raw} the stored values.
	 */
	@Test
	void dicomOpenedByImageJIsMeasuredInTheUnitsMeasureShows() throws Exception {
		final List<String[]> numpy = ReferenceFiles.write("write_calibrated.py", dir, "calibrated.tsv");
		final String d = dir.toString().replace("\\", "/") + "/";
		final StringBuilder macro = new StringBuilder("run('Set Measurements...', 'mean min redirect=None decimal=9');\n");
		for (final String[] file : numpy)
			macro.append(String.join("\n", //
				"open('" + d + file[0] + "');", //
				"run('Clear Results');", //
				"run('Measure');", //
				"run('ImageArray Statistics...', 'bins=0');", //
				"run('ImageArray Statistics...', 'bins=0 raw');", //
				"n = Table.size('ImageArray Statistics');", //
				"print('" + file[0] + "', d2s(getResult('Mean', 0), 12), d2s(getResult('Min', 0), 12), " +
					"d2s(Table.get('mean', n - 2, 'ImageArray Statistics'), 12), " +
					"d2s(Table.get('minimum', n - 2, 'ImageArray Statistics'), 12), " +
					"d2s(Table.get('median', n - 2, 'ImageArray Statistics'), 12), " +
					"d2s(Table.get('mean', n - 1, 'ImageArray Statistics'), 12), bitDepth(), " +
					"Table.getString('unit', n - 1, 'ImageArray Statistics'));", //
				"close();\n"));
		final AssembledImageJ.Result r = AssembledImageJ.batch(dir, macro.append("print('done');").toString().replace(
			'\'', '"'));
		assertTrue(r.output.contains("done"), r.output);
		AssembledImageJ.assertNoStackTrace(r);
		for (final String[] file : numpy) {
			final Matcher m = Pattern.compile("(?m)^" + Pattern.quote(file[0]) +
				" (\\S+) (\\S+) (\\S+) (\\S+) (\\S+) (\\S+) (\\d+) (.+)$").matcher(r.output);
			assertTrue(m.find(), file[0] + " in " + r.output);
			final double measureMean = Double.parseDouble(m.group(1)), measureMin = Double.parseDouble(m.group(2));
			final double mean = Double.parseDouble(m.group(3)), min = Double.parseDouble(m.group(4));
			assertEquals(measureMean, mean, 1e-9 * Math.abs(measureMean), file[0] + ": the mean Measure shows");
			assertEquals(measureMin, min, 0, file[0] + ": the minimum Measure shows");
			assertEquals(Double.parseDouble(file[2]), mean, 1e-9 * Math.abs(mean), file[0] + ": numpy's mean");
			assertEquals(Double.parseDouble(file[3]), Double.parseDouble(m.group(5)), 0, file[0] + ": numpy's median");
			final boolean calibrated = m.group(7).equals("16");
			assertEquals(calibrated ? "raw" : "Gray Value", m.group(8), file[0] + ": the unit column");
			if (calibrated) assertEquals(mean + 33792, Double.parseDouble(m.group(6)), 1e-9 * Math.abs(mean + 33792),
				file[0] + ": the stored values, HU + 1024 + ImageJ's 32768");
		}
		assertTrue(r.output.matches("(?s).*\\nct\\.dcm [^\\n]* 16 raw\\n.*"), "ImageJ keeps the CT calibrated: " +
			r.output);
	}

	@Test
	void anAreaSelectionRestrictsEverySlice() throws Exception {
		final AssembledImageJ.Result r = AssembledImageJ.batch(dir, measureMacro("makeOval(5, 4, 30, 25);"));
		assertTrue(r.output.contains("done"), r.output);
		final ImagePlus imp = IJ.openImage(dir.resolve("ct.tif").toString());
		imp.setRoi(new OvalRoi(5, 4, 30, 25));
		final Statistics s = Selection.of(imp).statistics(new StatisticsCalculator().bins(256));
		assertSameAsCore(s);
		assertTrue(s.count() < 48 * 40 * 9);
	}

	@Test
	void rgbAndNoImageGetAClearMessageWithoutStackTrace() throws Exception {
		final AssembledImageJ.Result rgb = AssembledImageJ.batch(dir, "newImage('c', 'RGB white', 10, 10, 1);\n" +
			"run('ImageArray Statistics...', 'bins=0');".replace('\'', '"'));
		assertTrue(rgb.output.contains("ImageArray Statistics: RGB images have no single value per pixel"),
			rgb.output);
		AssembledImageJ.assertNoStackTrace(rgb);
		final AssembledImageJ.Result none = AssembledImageJ.batch(dir,
			"run(\"ImageArray Describe...\", \"directory=/tmp filename=x\");");
		assertTrue(none.output.contains("ImageArray Describe: No image is open."), none.output);
		AssembledImageJ.assertNoStackTrace(none);
	}

	private static ImagePlus noise(final String title, final int seed) {
		final ImageStack stack = new ImageStack(16, 12);
		final Random r = new Random(seed);
		for (int z = 0; z < 3; z++) {
			final float[] p = new float[16 * 12];
			for (int i = 0; i < p.length; i++)
				p[i] = (float) (r.nextGaussian() * 5 + z);
			stack.addSlice(null, p);
		}
		return new ImagePlus(title, stack);
	}

	@Test
	void theExampleMacrosOfScriptsRun() throws Exception {
		final Path scripts = Paths.get("..", "scripts").toAbsolutePath();
		final Path images = Files.createDirectory(dir.resolve("images"));
		for (int i = 0; i < 2; i++)
			assertTrue(new FileSaver(noise("n" + i, i)).saveAsTiffStack(images.resolve("n" + i + ".tif")
				.toString()));
		final String d = images.toString().replace("\\", "/") + "/";
		final AssembledImageJ.Result r = AssembledImageJ.batch(dir, String.join("\n", //
			"open('" + d + "n0.tif');", //
			"runMacro('" + scripts.resolve("ImageArray_Statistics.ijm") + "');", //
			"close();", //
			"runMacro('" + scripts.resolve("Describe_Folder.ijm") + "', '" + d + "');").replace('\'', '"'));
		AssembledImageJ.assertNoStackTrace(r);
		final Statistics s0 = new StatisticsCalculator().compute(ImageFiles.open(images
			.resolve("n0.tif")));
		assertTrue(r.output.contains("n0.tif: mean=" + String.format(Locale.ROOT, "%.17g", s0.mean())),
			r.output);
		assertTrue(r.output.contains("ImageArray: 2 images described"), r.output);
		final List<String> csv = Files.readAllLines(images.resolve("imagearray.csv"));
		assertEquals(3, csv.size(), csv.toString());
		final List<String> header = Arrays.asList(csv.get(0).split(","));
		final String[] row = csv.get(1).split(",");
		assertTrue(row[header.indexOf("Label")].startsWith("n0"), csv.get(1));
		assertEquals(s0.median(), Double.parseDouble(row[header.indexOf("median")]), 1e-6 * Math.abs(s0.median()));
	}

	@Test
	void orthogonalSlicesOpenAWindowThatIsNotBlank() throws Exception {
		final String d = dir.toString().replace("\\", "/") + "/";
		final AssembledImageJ.Result r = AssembledImageJ.gui(dir, String.join("\n", //
			"newImage('vol', '32-bit ramp', 64, 48, 20);", //
			"run('Add Specified Noise...', 'stack standard=0.2');", //
			"run('ImageArray Orthogonal Slices...', 'x=10 y=-5 z=3 export=[" + d + "exported.png]');", //
			"wait(1500);", //
			"File.saveString(String.join(getList('image.titles'), '\\n'), '" + d + "titles.txt');", //
			"run('Capture Screen');", //
			"saveAs('PNG', '" + d + "screen.png');", //
			"selectImage('vol');", //
			"run('ImageArray Histogram...', 'bins=64 export=[" + d + "histogram.png]');", //
			"close('*');", //
			"run('Quit');").replace('\'', '"'));
		final String titles = AssembledImageJ.read(dir.resolve("titles.txt"));
		assertTrue(titles.contains("vol slices x10 y43 z3"), titles + "\n" + r.output);
		final BufferedImage screen = ImageIO.read(dir.resolve("screen.png").toFile());
		final Set<Integer> colours = new HashSet<>();
		for (int y = 0; y < screen.getHeight(); y += 3)
			for (int x = 0; x < screen.getWidth(); x += 3)
				colours.add(screen.getRGB(x, y));
		assertTrue(colours.size() > 50, "the screen shows the figure, not a blank: " + colours.size() + " colours");
		final BufferedImage exported = ImageIO.read(dir.resolve("exported.png").toFile());
		// exported at the default scale 4: four times the window's figure
		final ImagePlus onScreen = new SliceFigure().render(ArrayImgs.floats(64, 48, 20), "vol", 10, -5, 3);
		assertEquals(4 * onScreen.getWidth(), exported.getWidth());
		assertEquals(4 * onScreen.getHeight(), exported.getHeight());
		assertTrue(Files.size(dir.resolve("histogram.png")) > 1000);
	}

	@Test
	void masksLabelsAndProfilesFromMacros() throws Exception {
		final String d = dir.toString().replace("\\", "/") + "/";
		final AssembledImageJ.Result r = AssembledImageJ.batch(dir, String.join("\n", //
			"newImage('values', '32-bit ramp', 20, 10, 4);", //
			"newImage('labels', '8-bit black', 20, 10, 4);", //
			"makeRectangle(0, 0, 10, 10); run('Set...', 'value=1 stack');", //
			"makeRectangle(10, 0, 10, 5); run('Set...', 'value=7 stack');", //
			"run('Select None');", //
			"run('ImageArray Statistics in Mask...', 'image=values mask=labels bins=0');", //
			"run('ImageArray Statistics in Labels...', 'image=values labels=labels bins=0');", //
			"Table.save('" + d + "labels.csv', 'ImageArray Label Statistics');", //
			"selectImage('values');", //
			"run('ImageArray Per-Slice Statistics...', 'axis=z export=[" + d + "]');", //
			"print('count in mask ' + Table.get('count', 0, 'ImageArray Statistics'));", //
			"print('done');").replace('\'', '"'));
		AssembledImageJ.assertNoStackTrace(r);
		assertTrue(r.output.contains("count in mask 600"), r.output); // (100 + 50) voxels on 4 slices
		final List<String> labels = Files.readAllLines(dir.resolve("labels.csv"));
		assertEquals(3, labels.size(), labels.toString()); // header, label 1, label 7
		assertTrue(Files.readAllLines(dir.resolve("values_per_slice.csv")).size() == 5);
		assertTrue(Files.size(dir.resolve("values_per_slice.png")) > 1000);
	}

	@Test
	void theMenuHoldsTheCommands() throws Exception {
		final String d = dir.toString().replace("\\", "/") + "/";
		final AssembledImageJ.Result r = AssembledImageJ.gui(dir, String.join("\n", //
			"List.setCommands;", //
			"File.saveString(List.get('ImageArray Statistics...') + '\\n' + List.get('ImageArray Describe...') + '\\n' +",
			"  List.get('ImageArray Orthogonal Slices...') + '\\n' + List.get('ImageArray Histogram...') + '\\n' +",
			"  List.get('ImageArray Statistics in Mask...') + '\\n' + List.get('ImageArray Statistics in Labels...') + '\\n' +",
			"  List.get('ImageArray Per-Slice Statistics...') + '\\n' + List.get('NIfTI...') + '\\n' + List.get('MetaImage...') +",
			"  '\\n' + List.get('HDF5 Dataset...') + '\\n' + List.get('Zarr/N5...') + '\\n' + List.get('DICOM Series...') +",
			"  '\\n' + List.get('ImageArray Auto Contrast...'), '" +
				d + "menu.txt');", //
			"run('Quit');").replace('\'', '"'));
		final List<String> menu = Files.readAllLines(dir.resolve("menu.txt"));
		assertEquals("io.github.imagearray.plugins.StatisticsPlugin", menu.get(0), r.output);
		assertEquals("io.github.imagearray.plugins.DescribePlugin", menu.get(1));
		assertEquals("io.github.imagearray.plugins.OrthogonalSlicesPlugin", menu.get(2));
		assertEquals("io.github.imagearray.plugins.HistogramPlugin", menu.get(3));
		assertEquals("io.github.imagearray.plugins.MaskPlugin", menu.get(4));
		assertEquals("io.github.imagearray.plugins.LabelsPlugin", menu.get(5));
		assertEquals("io.github.imagearray.plugins.PerSlicePlugin", menu.get(6));
		assertEquals("io.github.imagearray.plugins.ImportPlugin(\"nifti\")", menu.get(7));
		assertEquals("io.github.imagearray.plugins.ImportPlugin(\"metaimage\")", menu.get(8));
		assertEquals("io.github.imagearray.plugins.ImportPlugin(\"hdf5\")", menu.get(9));
		assertEquals("io.github.imagearray.plugins.ImportPlugin(\"zarr\")", menu.get(10));
		assertEquals("io.github.imagearray.plugins.ImportPlugin(\"dicom\")", menu.get(11));
		assertEquals("io.github.imagearray.plugins.AutoContrastPlugin", menu.get(12));
	}

	@Test
	void everyMacroLineOfTheReadmeRunsAsWritten() throws Exception {
		final String readme = new String(Files.readAllBytes(Paths.get("..", "docs", "user-guide.md")),
			StandardCharsets.UTF_8);
		final Matcher m = Pattern.compile(
			"run\\(\"(ImageArray [^\"]+|NIfTI|MetaImage|HDF5 Dataset|Zarr/N5|DICOM Series)(\\.\\.\\.)?\", \"[^\"]*\"\\);")
			.matcher(readme);
		final List<String> lines = new ArrayList<>();
		while (m.find())
			if (!lines.contains(m.group())) lines.add(m.group());
		assertTrue(lines.size() >= 11, "macro lines in the README: " + lines);
		// the README's paths are under /data: here under the test's directory, the lines otherwise as written
		Files.createDirectories(dir.resolve("data/out"));
		ReferenceFiles.write("write_files.py", dir, "reference.tsv");
		Files.copy(dir.resolve("float32.nii.gz"), dir.resolve("data/brain.nii.gz"));
		ReferenceFiles.write("write_volumes.py", dir, "volumes.tsv");
		Files.copy(dir.resolve("scan.h5"), dir.resolve("data/scan.h5"));
		copyTree(dir.resolve("zarr/image.ome.zarr"), dir.resolve("data/cells.ome.zarr"));
		copyTree(dir.resolve("dicom-ct"), dir.resolve("data/ct"));
		final String d = dir.toString().replace("\\", "/") + "/";
		final StringBuilder macro = new StringBuilder(String.join("\n", //
			"newImage('ct.tif', '16-bit ramp', 96, 80, 12);", //
			"run('Add Specified Noise...', 'stack standard=300');", //
			"newImage('body.tif', '8-bit black', 96, 80, 12);", //
			"makeOval(10, 10, 70, 50); run('Set...', 'value=255 stack'); run('Select None');", //
			"newImage('organs.tif', '8-bit black', 96, 80, 12);", //
			"makeRectangle(0, 0, 40, 80); run('Set...', 'value=1 stack');", //
			"makeRectangle(40, 0, 56, 40); run('Set...', 'value=2 stack'); run('Select None');", //
			"").replace('\'', '"'));
		for (int i = 0; i < lines.size(); i++)
			macro.append("selectImage(\"ct.tif\");\n").append(lines.get(i).replace("/data/", d + "data/")).append(
				"\nprint(\"README line " + i + " ran: \" + getTitle());\n");
		macro.append("run(\"NIfTI...\", \"open=" + d + "int32.nii\");\nprint(\"done\");\n");
		final AssembledImageJ.Result r = AssembledImageJ.batch(dir, macro.toString());
		AssembledImageJ.assertNoStackTrace(r);
		for (int i = 0; i < lines.size(); i++)
			assertTrue(r.output.contains("README line " + i + " ran"), lines.get(i) + "\n" + r.output);
		assertTrue(r.output.contains(" ran: brain.nii.gz"), "the NIfTI import opened the file:\n" + r.output);
		assertTrue(r.output.contains("ImageJ has no int32 images"), "the import warns:\n" + r.output);
		assertTrue(r.output.contains("done"), r.output);
		assertTrue(Files.exists(dir.resolve("data/out/stats.csv")));
		assertTrue(Files.exists(dir.resolve("data/out/h.png")));
		assertTrue(Files.exists(dir.resolve("data/out/ct.tif_per_slice.csv")), Files.list(dir.resolve("data/out"))
			.collect(Collectors.toList()).toString());
	}

	@Test
	void hdf5ZarrAndDicomImportsAndAVirtualStackLargerThanMemory() throws Exception {
		ReferenceFiles.write("write_volumes.py", dir, "volumes.tsv");
		// multi-frame and compressed DICOM that pydicom and DCMTK write
		Files.createDirectories(dir.resolve("dicom"));
		ReferenceFiles.write("write_dicom.py", dir.resolve("dicom"), "dicom.tsv");
		// 2 GiB of HDF5 voxels for an ImageJ of 512 MB: a virtual stack, measured plane by plane
		ReferenceFiles.run("write_big_volume.py", dir, "hdf5", dir.resolve("big.h5").toString());
		final String d = dir.toString().replace("\\", "/") + "/";
		final AssembledImageJ.Result r = AssembledImageJ.batch(dir, String.join("\n", //
			"run('HDF5 Dataset...', 'open=" + d + "scan.h5 dataset=/exchange/f4');", //
			"run('ImageArray Statistics...', 'bins=0');", //
			"print('h5 ' + nSlices + ' ' + String.format('%.17g', getResult('mean', nResults - 1)));", //
			"run('Zarr/N5...', 'open=" + d + "zarr/image.ome.zarr');", //
			"run('ImageArray Statistics...', 'bins=0');", //
			"print('zarr ' + nSlices + ' ' + String.format('%.17g', getResult('median', nResults - 1)));", //
			"run('DICOM Series...', 'open=" + d + "dicom-ct');", //
			"run('ImageArray Statistics...', 'bins=0');", //
			"print('dicom ' + nSlices + ' ' + String.format('%.17g', getResult('mean', nResults - 1)));", //
			"run('DICOM Series...', 'open=" + d + "dicom/enhanced-ct-rle.dcm');", //
			"run('ImageArray Statistics...', 'bins=0');", //
			"print('enhanced ' + nSlices + ' ' + String.format('%.17g', getResult('mean', nResults - 1)));", //
			"run('DICOM Series...', 'open=" + d + "dicom/us8-jpeg-baseline');", //
			"run('HDF5 Dataset...', 'open=" + d + "big.h5');", //
			"run('ImageArray Statistics...', 'bins=0');", //
			"print('big ' + nSlices + ' ' + is('Virtual Stack') + ' ' + getResult('median', nResults - 1) + ' ' + " +
				"getResult('count', nResults - 1));", //
			"print('done');").replace('\'', '"'));
		AssembledImageJ.assertNoStackTrace(r);
		assertTrue(r.output.contains("done"), r.output);
		final StatisticsCalculator c = new StatisticsCalculator();
		final Statistics h5 = c.compute(ImageFiles.open(dir.resolve("scan.h5:/exchange/f4")));
		assertTrue(r.output.contains("h5 5 " + String.format(Locale.ROOT, "%.17g", h5.mean())), r.output);
		final Statistics zarr = c.compute(ImageFiles.open(dir.resolve("zarr/image.ome.zarr")));
		assertTrue(r.output.contains("zarr 6 " + String.format(Locale.ROOT, "%.17g", zarr.median())),
			r.output);
		// Hounsfield units: float64 in the core, 32-bit float in ImageJ (whole numbers, held exactly)
		final Statistics dicom = c.compute(ImageFiles.open(dir.resolve("dicom-ct")));
		final Matcher m = Pattern.compile("dicom 7 (\\S+)").matcher(r.output);
		assertTrue(m.find(), r.output);
		assertEquals(dicom.mean(), Double.parseDouble(m.group(1)), 1e-12 * Math.abs(dicom.mean()));
		assertTrue(r.output.contains("ImageJ has no float64 images"), r.output);
		// an Enhanced CT in one RLE file: 4 frames, a rescale per frame; lossy JPEG said so in the Log
		final Statistics enhanced = c.compute(ImageFiles.open(dir.resolve("dicom/enhanced-ct-rle.dcm")));
		final Matcher e = Pattern.compile("enhanced 4 (\\S+)").matcher(r.output);
		assertTrue(e.find(), r.output);
		assertEquals(enhanced.mean(), Double.parseDouble(e.group(1)), 1e-12 * Math.abs(enhanced.mean()));
		assertTrue(r.output.contains("lossy JPEG (transfer syntax 1.2.840.10008.1.2.4.50)"), r.output);
		assertTrue(r.output.contains("big 512 1 2047.5 536870912"), r.output);
	}

	private static void copyTree(final Path from, final Path to) throws IOException {
		try (Stream<Path> all = Files.walk(from)) {
			for (final Path p : (Iterable<Path>) all::iterator)
				Files.copy(p, to.resolve(from.relativize(p).toString()));
		}
	}
}
