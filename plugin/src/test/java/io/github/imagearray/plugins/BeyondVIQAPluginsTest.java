package io.github.imagearray.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.ResultsTable;
import ij.process.ByteProcessor;
import io.github.imagearray.bridge.ImagePlusImgs;
import io.github.imagearray.io.MetaElementType;
import io.github.imagearray.io.MetaImageFiles;
import io.github.imagearray.stats.Statistics;
import io.github.imagearray.stats.StatisticsCalculator;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Masks, labels, per-slice profiles and imports, through the menu commands' non-GUI work. */
class BeyondVIQAPluginsTest {

	@TempDir
	Path dir;

	/** 6 x 4 x 3 floats v = x + 10 y + 100 z, and labels 1 + (x / 2) with 0 where y == 0. */
	private static ImagePlus[] images() {
		final ImageStack values = new ImageStack(6, 4), labels = new ImageStack(6, 4);
		for (int z = 0; z < 3; z++) {
			final float[] v = new float[24];
			final byte[] l = new byte[24];
			for (int y = 0; y < 4; y++)
				for (int x = 0; x < 6; x++) {
					v[x + 6 * y] = x + 10 * y + 100 * z;
					l[x + 6 * y] = (byte) (y == 0 ? 0 : 1 + x / 2);
				}
			values.addSlice(null, v);
			labels.addSlice(null, l);
		}
		return new ImagePlus[] { new ImagePlus("values", values), new ImagePlus("labels", labels) };
	}

	@Test
	void maskKeepsTheNonZeroVoxels() {
		final ImagePlus[] im = images();
		final Statistics s = MaskPlugin.process(im[0], im[1], 0);
		assertEquals(54, s.count()); // y = 1..3 on every slice
		final float[] kept = new float[54];
		int n = 0;
		for (int z = 0; z < 3; z++)
			for (int y = 1; y < 4; y++)
				for (int x = 0; x < 6; x++)
					kept[n++] = x + 10 * y + 100 * z;
		assertEquals(new StatisticsCalculator().compute(ArrayImgs.floats(kept, 54)).describe(), s.describe());
		assertEquals("bins must be a whole number, not 2.5.", assertThrows(IllegalArgumentException.class,
			() -> MaskPlugin.process(im[0], im[1], 2.5)).getMessage());
		assertThrows(IllegalArgumentException.class, () -> MaskPlugin.process(im[0], new ImagePlus("small",
			new ByteProcessor(2, 2)), 0));
	}

	@Test
	void labelsGiveOneRowPerLabelWithTheLabelFirst() {
		final ImagePlus[] im = images();
		final ResultsTable t = LabelsPlugin.process(im[0], im[1], 0);
		assertEquals(3, t.size());
		assertEquals("label", t.getColumnHeading(0));
		assertArrayEquals(new double[] { 1, 2, 3 }, t.getColumnAsDoubles(t.getColumnIndex("label")), 0);
		// label 2: x = 2, 3; y = 1..3; z = 0..2 -> mean 2.5 + 20 + 100
		assertEquals(122.5, t.getValue("mean", 1), 1e-12);
		assertEquals(18, t.getValue("count", 1), 0);
		assertThrows(IllegalArgumentException.class, () -> LabelsPlugin.process(im[0], im[0], 0));
	}

	@Test
	void perSliceProfilesAlongEachAxis() throws IOException {
		final ImagePlus[] im = images();
		final ResultsTable z = PerSlicePlugin.process(im[0], 2);
		assertEquals(3, z.size());
		for (int i = 0; i < 3; i++)
			assertEquals(new StatisticsCalculator().compute(Views.hyperSlice(ImagePlusImgs.wrap(im[0]), 2, i)).mean(), z
				.getValue("mean", i), 0);
		assertEquals(6, PerSlicePlugin.process(im[0], 0).size());
		final ImagePlus plot = PerSlicePlugin.plot(z, "values", "z");
		assertTrue(plot.getWidth() > 100);
		PerSlicePlugin.export(z, plot, dir, "values");
		final List<String> csv = Files.readAllLines(dir.resolve("values_per_slice.csv"));
		assertTrue(csv.get(0).startsWith("Label,slice,mean,"), csv.get(0));
		// every value in full precision: it reads back as exactly the table's value
		final String[] header = csv.get(0).split(",");
		for (int row = 0; row < z.size(); row++) {
			final String[] cells = csv.get(row + 1).split(",");
			assertEquals(header.length, cells.length);
			assertEquals("values", cells[0]);
			assertEquals("unit", header[header.length - 1]);
			assertEquals("Gray Value", cells[header.length - 1]);
			for (int c = 1; c < header.length - 1; c++)
				assertEquals(z.getValue(header[c], row), Double.parseDouble(cells[c]), 0, header[c]);
		}
		assertTrue(Files.size(dir.resolve("values_per_slice.png")) > 1000);
	}

	@Test
	void importKeepsValuesAndVoxelSize() throws IOException {
		final double[] v = new double[5 * 4 * 2];
		for (int i = 0; i < v.length; i++)
			v[i] = i * 3 - 40;
		final Path mhd = MetaImageFiles.write(dir, "ct", MetaImageFiles.header(MetaElementType.MET_SHORT, "5 4 2",
			true, "ct"), MetaImageFiles.bytes(MetaElementType.MET_SHORT, v, ByteOrder.BIG_ENDIAN));
		final ImagePlus imp = ImportPlugin.open(mhd);
		assertEquals(2, imp.getStackSize());
		assertEquals(32, imp.getBitDepth()); // signed 16-bit becomes float
		assertEquals(-40, ((float[]) imp.getStack().getPixels(1))[0], 0);
		assertEquals(77, ((float[]) imp.getStack().getPixels(2))[19], 0);
		assertEquals(2, imp.getCalibration().pixelDepth, 0);
		assertEquals(0.5, imp.getCalibration().pixelWidth, 0);
	}
}
