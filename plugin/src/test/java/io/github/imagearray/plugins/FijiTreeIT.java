package io.github.imagearray.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

import ij.ImagePlus;
import io.github.imagearray.ReferenceFiles;
import io.github.imagearray.StatisticsCsv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every File &gt; Import entry and every Analyze &gt; ImageArray command in the Fiji-like tree
 * ({@link AssembledImageJ}: today's Fiji's jars and the one plugin jar), on files other software wrote
 * — nibabel, numpy behind a MetaImage header, h5py (gzip, LZF), zarr-python (blosc, zstd, gzip; Zarr,
 * OME-Zarr and N5), pydicom, tifffile — each value against numpy's. The libraries the plugin bundles
 * (TwelveMonkeys, jhdf with compress-lzf, blosc-java) and those Fiji ships (zstd-jni, Gson, lz4-java,
 * commons-lang3) are each on the path of one of these imports.
 */
class FijiTreeIT {

	/** The rows of write_files.py's reference.tsv that File &gt; Import &gt; NIfTI... opens. */
	private static final List<String> NIFTI = Arrays.asList("uint8.nii", "int16.nii.gz", "uint16-be.nii",
		"float32.nii.gz");
	/** The rows of write_volumes.py's volumes.tsv that HDF5 Dataset... and Zarr/N5... open (every DICOM row too). */
	private static final List<String> VOLUMES = Arrays.asList("scan.h5:/exchange/u2-gzip", "scan.h5:/exchange/lzf",
		"scan.h5:/exchange/i2", "one.h5", "zarr/u2-le-blosc.zarr", "zarr/f4-le-zstd.zarr", "zarr/i2-be-gzip.zarr",
		"zarr/image.ome.zarr", "n5/i2-blosc.n5", "n5/f4-gzip.n5");
	/**
	 * TIFF files, through an import entry: each reads every format ImageArray reads, and TIFF has none of
	 * its own (File &gt; Open is ImageJ's); the bundled, relocated TwelveMonkeys decodes them.
	 */
	private static final List<String> TIFF = Arrays.asList("uint16-lzw.tif", "float32-predictor3.tif",
		"int16-tiles.tif");

	/** A macro function printing row r of table t as lines "value TAB prefix.column TAB number". */
	private static final String ROW = String.join("\n", //
		"function row(prefix, t, r) {", //
		"  columns = newArray('count', 'mean', 'median', 'variance', 'standarddev', 'minimum', 'maximum');", //
		"  for (i = 0; i < columns.length; i++)", //
		"    print('value\\t' + prefix + '.' + columns[i] + '\\t' + String.format('%.17g', Table.get(columns[i], r, t)));",
		"}");

	@TempDir
	static Path dir;
	private static Map<String, String[]> numpy;

	@BeforeAll
	static void writeFiles() throws Exception {
		numpy = new HashMap<>();
		for (final String[] row : ReferenceFiles.write("write_files.py", dir, "reference.tsv"))
			numpy.put(row[0], row);
		// name, glob, then the columns of reference.tsv: the glob dropped
		for (final String[] row : ReferenceFiles.write("write_volumes.py", dir, "volumes.tsv")) {
			final String[] columns = new String[row.length - 1];
			columns[0] = row[0];
			System.arraycopy(row, 2, columns, 1, row.length - 2);
			numpy.put(row[0], columns);
		}
		for (final String[] row : ReferenceFiles.write("write_fiji_tree.py", dir, "metaimage.tsv"))
			numpy.put(row[0], row);
	}

	/** @return the import entry and options of every file, by its name in the reference tables */
	private static Map<String, String> imports() {
		final Map<String, String> imports = new LinkedHashMap<>();
		for (final String name : NIFTI)
			imports.put(name, "NIfTI...', 'open=[" + path(name) + "]");
		for (final String name : new String[] { "uint16.mhd", "float32.mha", "int16-msb.mhd" })
			imports.put(name, "MetaImage...', 'open=[" + path(name) + "]");
		for (final String name : VOLUMES) {
			final int colon = name.indexOf(':');
			if (colon > 0) imports.put(name, "HDF5 Dataset...', 'open=[" + path(name.substring(0, colon)) + "] dataset=" +
				name.substring(colon + 1));
			// one.h5 holds /entry/data and a 2D /dark: without dataset=, the import measures the one 3D
			// dataset, as the command line does (its numpy reference is that of /entry/data)
			else if (name.equals("one.h5")) imports.put(name, "HDF5 Dataset...', 'open=[" + path(name) + "]");
			else imports.put(name, "Zarr/N5...', 'open=[" + path(name) + "]");
		}
		for (final String name : numpy.keySet())
			if (name.startsWith("dicom-")) imports.put(name, "DICOM Series...', 'open=[" + path(name) + "]");
		for (final String name : TIFF)
			imports.put(name, "MetaImage...', 'open=[" + path(name) + "]");
		return imports;
	}

	@Test
	void everyImportReadsWhatNumpyReads() throws Exception {
		final Map<String, String> imports = imports();
		final StringBuilder macro = new StringBuilder(String.join("\n", ROW, //
			"function measure(name) {", //
			"  run('ImageArray Statistics...', 'bins=0');", //
			"  row(name, 'ImageArray Statistics', Table.size('ImageArray Statistics') - 1);", //
			"  close();", //
			"}\n"));
		for (final Map.Entry<String, String> e : imports.entrySet())
			macro.append("run('").append(e.getValue()).append("'); measure('").append(e.getKey()).append("');\n");
		final Map<String, Double> values = values(run(macro));
		for (final String name : imports.keySet()) {
			final String[] expected = numpy.get(name);
			assertNotNull(expected, name);
			final String[] keys = { "count", "mean", "median", "variance", "standarddev", "minimum", "maximum" };
			final double[] relative = { 0, 1e-12, 0, 1e-11, 1e-11, 0, 0 };
			for (int k = 0; k < keys.length; k++) {
				final double numpyValue = Double.parseDouble(expected[k + 1]);
				final Double value = values.get(name + "." + keys[k]);
				assertNotNull(value, name + "." + keys[k] + " measured");
				assertEquals(numpyValue, value, relative[k] * Math.abs(numpyValue), name + "." + keys[k]);
			}
		}
	}

	@Test
	void everyCommandGivesNumpysValues() throws Exception {
		final Map<String, Double> expected = new HashMap<>();
		for (final String[] row : ReferenceFiles.table(dir.resolve("commands.tsv")))
			expected.put(row[0], Double.parseDouble(row[1]));
		final String d = path("") + "/";
		final Map<String, Double> values = values(run(new StringBuilder(String.join("\n", ROW, //
			"run('NIfTI...', 'open=[" + d + "volume.nii]');", //
			"run('NIfTI...', 'open=[" + d + "mask.nii]');", //
			"run('NIfTI...', 'open=[" + d + "labels.nii]');", //
			"selectImage('volume.nii');", //
			"run('ImageArray Statistics...', 'bins=0');", //
			"row('whole', 'ImageArray Statistics', Table.size('ImageArray Statistics') - 1);", //
			"run('ImageArray Describe...', 'directory=[" + d + "] filename=described');", //
			"run('ImageArray Statistics in Mask...', 'image=volume.nii mask=mask.nii bins=0');", //
			"row('mask', 'ImageArray Statistics', Table.size('ImageArray Statistics') - 1);", //
			"run('ImageArray Statistics in Labels...', 'image=volume.nii labels=labels.nii bins=0');", //
			"t = 'ImageArray Label Statistics';", //
			"for (r = 0; r < Table.size(t); r++) {", //
			"  label = 'label.' + Table.get('label', r, t);", //
			"  print('value\\t' + label + '.count\\t' + Table.get('count', r, t));", //
			"  print('value\\t' + label + '.mean\\t' + String.format('%.17g', Table.get('mean', r, t)));", //
			"}", //
			"selectImage('volume.nii');", //
			"run('ImageArray Per-Slice Statistics...', 'axis=z');", //
			"t = 'ImageArray Per-Slice Statistics';", //
			"for (r = 0; r < Table.size(t); r++)", //
			"  print('value\\tslice.' + Table.get('slice', r, t) + '.mean\\t' + String.format('%.17g', Table.get('mean', r, t)));",
			"selectImage('volume.nii');", //
			"run('ImageArray Histogram...', 'bins=16 export=[" + d + "histogram.png]');", //
			"selectImage('volume.nii');", //
			"run('ImageArray Orthogonal Slices...', 'x=12 y=10 z=3 export=[" + d + "slices.png]');", //
			"selectImage('volume.nii');", //
			"run('ImageArray Auto Contrast...', 'saturated=0.35');", //
			"getMinAndMax(low, high);", //
			"print('value\\tdisplay.low\\t' + low);", //
			"print('value\\tdisplay.high\\t' + high);\n"))));
		for (final Map.Entry<String, Double> e : expected.entrySet()) {
			final String key = e.getKey();
			if (key.startsWith("p")) continue;
			final String measured = key.endsWith(".std") ? key.replace(".std", ".standarddev") : key;
			assertNotNull(values.get(measured), key + " measured");
			final double relative = key.endsWith(".mean") ? 1e-12 : key.endsWith(".variance") || key.endsWith(".std")
				? 1e-11 : 0;
			assertEquals(e.getValue(), values.get(measured), relative * Math.abs(e.getValue()), key);
		}
		// Auto Contrast: a 16-bit image's display range, the exact percentiles widened to whole values
		assertEquals(Math.floor(expected.get("p0.175")), values.get("display.low"), 0);
		assertEquals(Math.ceil(expected.get("p99.825")), values.get("display.high"), 0);
		// Describe: vIQA's one-row CSV, its values numpy's
		final List<String> csv = Files.readAllLines(dir.resolve("described.csv"));
		assertEquals(StatisticsCsv.HEADER, csv.get(0));
		final String[] described = csv.get(1).split(",");
		assertEquals(expected.get("whole.mean"), Double.parseDouble(described[0]), 1e-12 * expected.get("whole.mean"));
		assertEquals(expected.get("whole.median"), Double.parseDouble(described[1]), 0);
		assertEquals(expected.get("whole.minimum"), Double.parseDouble(described[6]), 0);
		assertEquals(expected.get("whole.maximum"), Double.parseDouble(described[7]), 0);
		// the figures: as large as the library draws them for the same file
		final ImagePlus volume = ImportPlugin.open(dir.resolve("volume.nii"));
		assertSameSize(OrthogonalSlicesPlugin.process(volume, new long[] { 12, 10, 3 }, null), dir.resolve(
			"slices.png"));
		assertSameSize(HistogramPlugin.process(volume, 16, null), dir.resolve("histogram.png"));
	}

	private static void assertSameSize(final ImagePlus figure, final Path png) throws IOException {
		final BufferedImage exported = ImageIO.read(png.toFile());
		assertNotNull(exported, png + " is a PNG");
		assertEquals(figure.getWidth(), exported.getWidth(), png + " width");
		assertEquals(figure.getHeight(), exported.getHeight(), png + " height");
	}

	private static String path(final String name) {
		return dir.resolve(name).toString().replace('\\', '/');
	}

	/** Runs the macro in batch mode in the tree; it must finish without a stack trace. */
	private static String run(final StringBuilder macro) throws IOException, InterruptedException {
		final AssembledImageJ.Result r = AssembledImageJ.batch(dir, macro.append("print('done');").toString().replace(
			'\'', '"'));
		assertTrue(r.output.contains("done"), r.output);
		AssembledImageJ.assertNoStackTrace(r);
		return r.output;
	}

	/** @return the lines "value TAB key TAB number" of a macro's output */
	private static Map<String, Double> values(final String output) {
		final Map<String, Double> values = new HashMap<>();
		for (final String line : output.split("\n")) {
			final String[] cells = line.trim().split("\t");
			if (cells.length == 3 && cells[0].equals("value")) values.put(cells[1], Double.parseDouble(cells[2]));
		}
		return values;
	}
}
