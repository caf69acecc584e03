package io.github.imagearray.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.io.FileSaver;
import io.github.imagearray.StatisticsCsv;
import io.github.imagearray.bridge.ImagePlusImgs;
import io.github.imagearray.bridge.Selection;
import io.github.imagearray.display.SliceFigure;
import io.github.imagearray.io.ImageFiles;
import io.github.imagearray.stats.Statistics;
import io.github.imagearray.stats.StatisticsCalculator;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.script.ScriptModule;
import org.scijava.script.ScriptService;

/** The Groovy scripts of scripts/, run headless through SciJava's ScriptService. */
class ScriptsTest {

	private static final Path SCRIPTS = Paths.get("..", "scripts");
	private static Context context;
	private static ScriptService scripts;

	@TempDir
	Path dir;

	@BeforeAll
	static void start() {
		context = new Context(ScriptService.class);
		scripts = context.service(ScriptService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	private static ImagePlus stack(final String title, final int seed) {
		final ImageStack stack = new ImageStack(12, 9);
		final Random r = new Random(seed);
		for (int z = 0; z < 4; z++) {
			final float[] p = new float[12 * 9];
			for (int i = 0; i < p.length; i++)
				p[i] = (float) r.nextGaussian() * 10 + z;
			stack.addSlice(null, p);
		}
		return new ImagePlus(title, stack);
	}

	@Test
	void statisticsScriptReturnsTheCoreValues() throws Exception {
		final ImagePlus imp = stack("noise", 1);
		imp.setRoi(new Roi(2, 1, 7, 6));
		final ScriptModule m = scripts.run(SCRIPTS.resolve("ImageArray_Statistics.groovy").toFile(), true, "imp", imp,
			"bins", 0).get();
		final Statistics s = Selection.of(imp).statistics(new StatisticsCalculator());
		for (final String key : Statistics.DESCRIBE_KEYS)
			assertEquals(s.describe().get(key), (Double) m.getOutput(key), 0, key);
	}

	@Test
	void orthogonalSlicesScriptRendersAndExports() throws Exception {
		final ImagePlus imp = stack("noise", 3);
		imp.getCalibration().pixelDepth = 3;
		final ScriptModule m = scripts.run(SCRIPTS.resolve("Orthogonal_Slices.groovy").toFile(), true, "imp", imp, "x",
			2L, "y", -1L, "z", -1L, "scale", 2.0, "scaleBar", true, "export", dir.toFile()).get();
		final ImagePlus figure = (ImagePlus) m.getOutput("figure");
		assertEquals("noise slices x2 y8 z3", figure.getTitle());
		// the export at scale 2: twice the figure on screen
		final BufferedImage png = ImageIO.read(dir.resolve("noise_slices_x2_y8_z3.png").toFile());
		assertEquals(2 * figure.getWidth(), png.getWidth());
		assertEquals(2 * figure.getHeight(), png.getHeight());
		// voxels three times deeper than wide: the same figure as the core draws with that size
		assertEquals(new SliceFigure().voxelSize(1, 1, 3).render(
			ImagePlusImgs.wrap(imp), "noise", 2, -1, -1).getHeight(), figure.getHeight());
	}

	@Test
	void labelScriptGivesEveryLabel() throws Exception {
		final ImagePlus image = stack("noise", 4);
		final ImageStack labelStack = new ImageStack(12, 9);
		for (int z = 0; z < 4; z++) {
			final byte[] p = new byte[12 * 9];
			for (int i = 0; i < p.length; i++)
				p[i] = (byte) (i % 3);
			labelStack.addSlice(null, p);
		}
		final ScriptModule m = scripts.run(SCRIPTS.resolve("Statistics_In_Labels.groovy").toFile(), true, "image",
			image, "labels", new ImagePlus("labels", labelStack)).get();
		final SortedMap<?, ?> perLabel = (SortedMap<?, ?>) m.getOutput("perLabel");
		assertEquals(Arrays.asList(1L, 2L), new ArrayList<>(perLabel.keySet()));
		assertEquals(4 * 36L, ((Statistics) perLabel.get(1L)).count());
	}

	@Test
	void describeFolderScriptWritesOneRowPerFile() throws Exception {
		final String[] names = { "b, with comma.tif", "a.tif" };
		for (int i = 0; i < names.length; i++)
			assertTrue(new FileSaver(stack(names[i], i)).saveAsTiffStack(dir.resolve(names[i]).toString()));
		Files.write(dir.resolve("notes.txt"), new byte[] { 1 });
		final File out = dir.resolve("all.csv").toFile();
		final ScriptModule m = scripts.run(SCRIPTS.resolve("Describe_Folder.groovy").toFile(), true, "folder", dir
			.toFile(), "output", out).get();
		assertEquals(2, m.getOutput("images"));
		final List<String> lines = Files.readAllLines(out.toPath());
		assertEquals("file," + StatisticsCsv.HEADER, lines.get(0));
		assertEquals(3, lines.size());
		assertEquals("a.tif," + StatisticsCsv.row(new StatisticsCalculator().compute(ImageFiles.open(dir.resolve(
			"a.tif"))).describe()), lines.get(1));
		assertTrue(lines.get(2).startsWith("\"b, with comma.tif\","), lines.get(2));
	}
}
