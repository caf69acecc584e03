package io.github.imagearray.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import ij.ImagePlus;
import ij.gui.OvalRoi;
import ij.io.Opener;
import ij.process.FloatProcessor;
import io.github.imagearray.StatisticsCsv;
import io.github.imagearray.bridge.Selection;
import io.github.imagearray.display.SliceFigure;
import io.github.imagearray.stats.Statistics;
import io.github.imagearray.stats.StatisticsCalculator;
import net.imglib2.img.array.ArrayImgs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/** The SciJava commands through CommandService in a headless Context. */
class CommandsTest {

	private static Context context;
	private static CommandService commands;

	@TempDir
	Path dir;

	@BeforeAll
	static void start() {
		context = new Context(CommandService.class);
		commands = context.service(CommandService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	private static CommandModule run(final Class<? extends Command> command,
		final Object... inputs) throws Exception
	{
		return commands.run(command, true, inputs).get();
	}

	private static ImagePlus ramp() {
		final FloatProcessor fp = new FloatProcessor(30, 20);
		for (int i = 0; i < 600; i++)
			fp.setf(i, (float) Math.sqrt(i) * (i % 7));
		return new ImagePlus("ramp", fp);
	}

	@Test
	void statisticsOfAnImgLib2ImageAndOfAnImagePlusWithSelection() throws Exception {
		final double[] v = { 3, 1, 4, 1, 5, 9, 2, 6 };
		final CommandModule m = run(StatisticsCommand.class, "image", ArrayImgs.doubles(v, 2, 4), "bins", 4);
		assertTrue(!m.isCanceled(), m.getCancelReason());
		final Statistics expected = new StatisticsCalculator().bins(4).compute(ArrayImgs.doubles(v, 8));
		for (final Map.Entry<String, Double> e : expected.describe().entrySet())
			assertEquals(e.getValue(), (Double) m.getOutput(e.getKey()), 0, e.getKey());
		assertEquals(8L, m.getOutput("count"));
		assertEquals(expected.histogram(), ((Statistics) m.getOutput("statistics")).histogram());

		final ImagePlus imp = ramp();
		imp.setRoi(new OvalRoi(2, 3, 20, 12));
		final CommandModule withRoi = run(StatisticsCommand.class, "imp", imp, "bins", 0);
		assertEquals(Selection.of(imp).statistics(new StatisticsCalculator()).median(), (Double) withRoi.getOutput(
			"median"), 0);
	}

	/** What the contracts below do not cover: two images at once, a directory that is missing. */
	@Test
	void badInputCancelsWithAMessage() throws Exception {
		assertEquals(ImageInput.BOTH, run(StatisticsCommand.class, "image", ArrayImgs.floats(2, 2), "imp", ramp(),
			"bins", 0).getCancelReason());
		final File missing = dir.resolve("missing").toFile();
		assertEquals("Directory does not exist: " + missing, run(DescribeCommand.class, "image", ArrayImgs.floats(2,
			2), "directory", missing, "filename", "x").getCancelReason());
	}

	@Test
	void describeWritesTheCsvAndReturnsTheStatistics() throws Exception {
		final ImagePlus imp = ramp();
		final CommandModule m = run(DescribeCommand.class, "imp", imp, "directory", dir.toFile(), "filename", "ramp");
		assertTrue(!m.isCanceled(), m.getCancelReason());
		assertEquals(dir.resolve("ramp.csv").toFile(), m.getOutput("file"));
		final List<String> lines = Files.readAllLines(dir.resolve("ramp.csv"));
		final Statistics s = Selection.of(imp).statistics(new StatisticsCalculator());
		assertEquals(StatisticsCsv.row(s.describe()), lines.get(1));
		assertEquals(s.describe(), m.getOutput("statistics"));
	}

	@Test
	void orthogonalSlicesRenderAndExportHeadless() throws Exception {
		final CommandModule m = run(OrthogonalSlicesCommand.class, "image", ArrayImgs.floats(8, 6, 5), "x", 1L, "y",
			-1L, "z", 2L, "export", dir.toFile());
		assertTrue(!m.isCanceled(), m.getCancelReason());
		assertEquals("image slices x1 y5 z2", ((ImagePlus) m.getOutput("figure")).getTitle());
		// by default at scale 4
		final int onScreen = new SliceFigure().render(ArrayImgs.floats(8, 6, 5), "image", 1, -1, 2).getWidth();
		assertEquals(4 * onScreen, ((ImagePlus) m.getOutput("figure")).getWidth());
		assertTrue(((File) m.getOutput("file")).length() > 0);
		assertEquals("z slice 5 is out of range: allowed -5 to 4 for 5 voxels along z.", run(
			OrthogonalSlicesCommand.class, "image", ArrayImgs.floats(8, 6, 5), "x", 1L, "y", 1L, "z", 5L)
				.getCancelReason());
		assertEquals("Orthogonal slices need a 3D image, not 2D.", run(OrthogonalSlicesCommand.class, "image",
			ArrayImgs.floats(8, 6), "x", 1L, "y", 1L, "z", 1L).getCancelReason());
		// a width instead, TIFF into a directory; none of it remembered by the next run
		final CommandModule tiff = run(OrthogonalSlicesCommand.class, "image", ArrayImgs.floats(8, 6, 5), "x", 1L, "y",
			-1L, "z", 2L, "width", 1234, "scaleBar", true, "format", "tiff", "export", dir.toFile());
		assertEquals(1234, ((ImagePlus) tiff.getOutput("figure")).getWidth());
		assertEquals(dir.resolve("image_slices_x1_y5_z2.tif").toFile(), tiff.getOutput("file"));
		assertEquals(1234, new Opener().openImage(dir.resolve("image_slices_x1_y5_z2.tif").toString()).getWidth());
		final CommandModule zero = run(OrthogonalSlicesCommand.class, "image", ArrayImgs.floats(8, 6, 5), "x", 1L, "y",
			1L, "z", 1L, "scale", 0.0);
		assertTrue(zero.isCanceled() && zero.getCancelReason().contains("scale must be above 0"), "scale 0: " + zero
			.getCancelReason());
		assertEquals(4 * onScreen, ((ImagePlus) run(OrthogonalSlicesCommand.class, "image", ArrayImgs.floats(8, 6, 5),
			"x", 1L, "y", -1L, "z", 2L).getOutput("figure")).getWidth());
	}

	@Test
	void histogramPlotsAndExportsHeadless() throws Exception {
		final CommandModule m = run(HistogramCommand.class, "imp", ramp(), "bins", 32, "export", dir.resolve("h.png")
			.toFile());
		assertTrue(!m.isCanceled(), m.getCancelReason());
		assertEquals("ramp histogram", ((ImagePlus) m.getOutput("plot")).getTitle());
		assertTrue(Files.size(dir.resolve("h.png")) > 1000);
		assertEquals(ImageInput.NONE, run(HistogramCommand.class, "bins", 0).getCancelReason());
	}

	@Test
	void masksAndLabelsHeadless() throws Exception {
		final float[] v = { 1, 2, 3, 4, 5, 6 };
		final CommandModule masked = run(MaskStatisticsCommand.class, "image", ArrayImgs.floats(v, 3, 2), "mask",
			ArrayImgs.unsignedBytes(new byte[] { 0, 1, 0, 1, 0, 1 }, 3, 2), "bins", 0);
		assertTrue(!masked.isCanceled(), masked.getCancelReason());
		assertEquals(4, ((Statistics) masked.getOutput("statistics")).mean(), 0); // 2, 4, 6
		final CommandModule labelled = run(LabelStatisticsCommand.class, "image", ArrayImgs.floats(v, 3, 2), "labels",
			ArrayImgs.ints(new int[] { 5, 5, 9, 9, 9, 0 }, 3, 2), "bins", 0);
		final SortedMap<?, ?> perLabel = (SortedMap<?, ?>) labelled.getOutput("statistics");
		assertEquals(1.5, ((Statistics) perLabel.get(5L)).median(), 0);
		assertEquals(4, ((Statistics) perLabel.get(9L)).median(), 0);
		assertEquals("The labels must be an image of whole numbers, not of FloatType.", run(
			LabelStatisticsCommand.class, "image", ArrayImgs.floats(v, 3, 2), "labels", ArrayImgs.floats(v, 3, 2), "bins",
			0).getCancelReason());
		assertEquals("The mask is 2 x 2 but the image is 3 x 2.", run(MaskStatisticsCommand.class, "image", ArrayImgs
			.floats(v, 3, 2), "mask", ArrayImgs.floats(2, 2), "bins", 0).getCancelReason());
	}

	/** SciJava's own answer where the image is a required input. */
	private static final String REQUIRED_IMAGE = "'image' is required but unset.";

	/** An image of three spans, for the engine to notice an interrupt between them. */
	private static Object large() {
		return ArrayImgs.floats(1024, 1024, 3);
	}

	@Test
	void statisticsAndHistogramKeepTheContract() throws Exception {
		for (final Class<? extends Command> c : Arrays.asList(StatisticsCommand.class, HistogramCommand.class)) {
			CommandContract.refusesEveryBadImage(commands, c, "bins", 0);
			CommandContract.refusesBadBins(commands, c, "image", ArrayImgs.floats(2, 2));
			CommandContract.cancelsWhenInterrupted(context, c, "image", large(), "bins", 0);
		}
	}

	@Test
	void describeKeepsTheContract() throws Exception {
		final Class<DescribeCommand> c = DescribeCommand.class;
		final Object[] others = { "directory", dir.toFile(), "filename", "x" };
		CommandContract.refusesEveryBadImage(commands, c, others);
		CommandContract.cancelsWhenInterrupted(context, c, "image", large(), "directory", dir.toFile(), "filename",
			"x");
		assertTrue(!Files.exists(dir.resolve("x.csv")), "a cancelled describe writes nothing");
	}

	/** The commands of an image and a second one of its size: a mask of ones, labels all 7. */
	@Test
	void maskAndLabelStatisticsKeepTheContract() throws Exception {
		final int[] sevens = new int[1024 * 1024 * 3];
		Arrays.fill(sevens, 7);
		final Object[][] commandsWithTheirSecondImage = { //
			{ MaskStatisticsCommand.class, "mask", ArrayImgs.bits(2, 2), ArrayImgs.ints(sevens, 1024, 1024, 3) }, //
			{ LabelStatisticsCommand.class, "labels", ArrayImgs.ints(2, 2), ArrayImgs.ints(sevens, 1024, 1024, 3) } };
		for (final Object[] each : commandsWithTheirSecondImage) {
			@SuppressWarnings("unchecked")
			final Class<? extends Command> c = (Class<? extends Command>) each[0];
			final String second = (String) each[1];
			CommandContract.refusesNullImage(commands, c, REQUIRED_IMAGE, second, each[2], "bins", 0);
			CommandContract.refusesArgb(commands, c, second, each[2], "bins", 0);
			CommandContract.refusesBadBins(commands, c, "image", ArrayImgs.floats(2, 2), second, each[2]);
			CommandContract.cancelsWhenInterrupted(context, c, "image", large(), second, each[3], "bins", 0);
		}
	}

	@Test
	void orthogonalSlicesKeepsTheContract() throws Exception {
		final Class<OrthogonalSlicesCommand> c = OrthogonalSlicesCommand.class;
		final Object[] at = { "x", 1L, "y", 1L, "z", 1L };
		CommandContract.refusesEveryBadImage(commands, c, at);
	}

	@Test
	void theCommandsHaveNoMenuEntry() {
		for (final Class<?> c : new Class<?>[] { StatisticsCommand.class, DescribeCommand.class,
			OrthogonalSlicesCommand.class, HistogramCommand.class, MaskStatisticsCommand.class,
			LabelStatisticsCommand.class })
		{
			final CommandInfo info = commands.getCommand(c.getName());
			assertTrue(info.getMenuPath() == null || info.getMenuPath().isEmpty(), c + " " + info.getMenuPath());
		}
	}
}
