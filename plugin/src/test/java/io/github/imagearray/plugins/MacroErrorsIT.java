package io.github.imagearray.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.ImageStack;
import io.github.imagearray.ReferenceFiles;
import io.github.imagearray.io.ImageFileException;
import io.github.imagearray.io.ImageFiles;
import io.github.imagearray.io.OpenOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command or an import that cannot do its work stops the macro that ran it, with one line that
 * names the problem: each macro prints after the failing line, and that print never comes. Batch
 * mode, as ImageJ's {@code -batch} and Fiji's {@code --headless} run macros: the line goes to the
 * Log, which is standard output there.
 */
class MacroErrorsIT {

	@TempDir
	Path dir;

	private String d() {
		return dir.toString().replace("\\", "/") + "/";
	}

	/** Opens a stack first: a macro that went on would print its title after the failing line. */
	private static String macro(final String... lines) {
		return ("newImage('before', '16-bit ramp', 8, 6, 4);\n" + String.join("\n", lines) +
			"\nprint('went on with ' + getTitle());\n").replace('\'', '"');
	}

	private static void assertStopped(final AssembledImageJ.Result r, final String line) {
		assertTrue(r.output.contains(line + "\n"), "the message '" + line + "' in:\n" + r.output);
		assertFalse(r.output.contains("went on with"), "the macro went on:\n" + r.output);
		AssembledImageJ.assertNoStackTrace(r);
	}

	/** @return the one line of the refusal of {@code work} in the test's own JVM: what the macro must show */
	private static String refusal(final Class<? extends Exception> kind, final Executable work) {
		return assertThrows(kind, work).getMessage();
	}

	@Test
	void aNiftiWithABadGzipChecksumStopsTheMacro() throws Exception {
		ReferenceFiles.run("write_broken.py", dir, dir.toString());
		final String message = refusal(ImageFileException.class, () -> ImageFiles.read(dir.resolve("bad-crc.nii.gz"),
			OpenOptions.NONE));
		assertTrue(message.contains("CRC"), message);
		// the same file with its checksum intact opens, in the same macro, before the broken one
		final AssembledImageJ.Result r = AssembledImageJ.batch(dir, macro( //
			"run('NIfTI...', 'open=[" + d() + "good.nii.gz]');", //
			"print('opened ' + getTitle() + ' ' + getWidth() + 'x' + getHeight() + 'x' + nSlices);", //
			"run('NIfTI...', 'open=[" + d() + "bad-crc.nii.gz]');"));
		assertTrue(r.output.contains("opened good.nii.gz 8x6x4"), r.output);
		assertStopped(r, "Import NIfTI: " + message);
	}

	@Test
	void anUnreadableMetaImageStopsTheMacro() throws Exception {
		ReferenceFiles.run("write_broken.py", dir, dir.toString());
		final String message = refusal(IOException.class, () -> ImageFiles.read(dir.resolve("short.mhd"),
			OpenOptions.NONE));
		assertTrue(message.contains("short.raw"), message);
		assertStopped(AssembledImageJ.batch(dir, macro("run('MetaImage...', 'open=[" + d() + "short.mhd]');")),
			"Import MetaImage: " + message);
	}

	@Test
	void anHdf5FileOfTwoVolumesWithoutDatasetStopsTheMacro() throws Exception {
		ReferenceFiles.run("write_broken.py", dir, dir.toString());
		// as on the command line: the reader asks for the dataset's name rather than taking the first
		final String message = refusal(IOException.class, () -> ImageFiles.read(dir.resolve("two.h5"), OpenOptions.NONE));
		assertTrue(message.contains("/a") && message.contains("/b"), message);
		assertStopped(AssembledImageJ.batch(dir, macro("run('HDF5 Dataset...', 'open=[" + d() + "two.h5]');")),
			"Import HDF5 Dataset: " + message);
	}

	@Test
	void aFileThatIsNotThereStopsTheMacro() throws Exception {
		final String message = refusal(IOException.class, () -> ImageFiles.read(dir.resolve("gone.nii.gz"),
			OpenOptions.NONE));
		assertStopped(AssembledImageJ.batch(dir, macro("run('NIfTI...', 'open=[" + d() + "gone.nii.gz]');")),
			"Import NIfTI: " + message);
	}

	@Test
	void noImageOpenStopsTheMacro() throws Exception {
		final AssembledImageJ.Result r = AssembledImageJ.batch(dir, "run('ImageArray Statistics...', 'bins=0');\n" +
			"print('went on');\n".replace('\'', '"'));
		assertTrue(r.output.contains("ImageArray Statistics: " + ActiveImage.NONE), r.output);
		assertFalse(r.output.contains("went on"), r.output);
		AssembledImageJ.assertNoStackTrace(r);
	}

	@Test
	void badBinsStopTheMacroEvenInsideALoop() throws Exception {
		final String fraction = refusal(IllegalArgumentException.class, () -> BinsField.calculator(0.5));
		assertEquals("bins must be a whole number, not 0.5.", fraction);
		assertStopped(AssembledImageJ.batch(dir, macro("run('ImageArray Histogram...', 'bins=0.5');")),
			"ImageArray Histogram: " + fraction);
		final String negative = refusal(IllegalArgumentException.class, () -> BinsField.calculator(-3));
		// the interpreter leaves the loop, not only the statement
		assertStopped(AssembledImageJ.batch(dir, macro("for (i = 0; i < 3; i++) {", //
			"  run('ImageArray Statistics...', 'bins=-3');", //
			"  print('went on with loop ' + i);", //
			"}")), "ImageArray Statistics: " + negative);
	}

	@Test
	void aMaskOfAnotherSizeStopsTheMacro() throws Exception {
		final String message = refusal(IllegalArgumentException.class, () -> MaskPlugin.process(stack("values", 8, 6,
			4), stack("mask", 5, 6, 4), 0));
		assertStopped(AssembledImageJ.batch(dir, macro( //
			"newImage('mask', '8-bit white', 5, 6, 4);", //
			"run('ImageArray Statistics in Mask...', 'image=before mask=mask bins=0');")),
			"ImageArray Statistics in Mask: " + message);
	}

	@Test
	void aMissingDirectoryAndABadPercentageStopTheMacro() throws Exception {
		final Path missing = dir.resolve("missing");
		final String directory = refusal(IOException.class, () -> DescribePlugin.process(stack("before", 8, 6, 4),
			missing, "x"));
		assertStopped(AssembledImageJ.batch(dir, macro("run('ImageArray Describe...', 'directory=[" + missing +
			"] filename=x');")), "ImageArray Describe: " + directory);
		final String saturated = refusal(IllegalArgumentException.class, () -> AutoContrastPlugin.process(stack(
			"before", 8, 6, 4), 100));
		assertStopped(AssembledImageJ.batch(dir, macro("run('ImageArray Auto Contrast...', 'saturated=100');")),
			"ImageArray Auto Contrast: " + saturated);
	}

	/**
	 * A Fiji without Gson, which Fiji ships and the plugin jar does not bundle: the Zarr import stops
	 * the macro naming the library; NIfTI, which needs no Gson, still opens.
	 */
	@Test
	void aMissingLibraryStopsTheMacroNamingIt() throws Exception {
		ReferenceFiles.run("write_broken.py", dir, dir.toString());
		final Path withoutGson = AssembledImageJ.withoutLibrary(dir, "gson-");
		final AssembledImageJ.Result r = AssembledImageJ.batch(withoutGson, dir, macro( //
			"run('NIfTI...', 'open=[" + d() + "good.nii.gz]');", //
			"print('opened ' + getTitle());", //
			"run('Zarr/N5...', 'open=[" + d() + "v.zarr]');"));
		assertTrue(r.output.contains("opened good.nii.gz"), r.output);
		assertStopped(r, "Import Zarr/N5: ImageArray needs Gson (com.google.gson), which is missing from Fiji's jars " +
			"folder.");
	}

	/**
	 * With ImageJ's window, as a user runs a macro: ImageJ's own "Macro Error" dialog gives the line,
	 * and the macro stops when it is closed.
	 */
	@Test
	void withAWindowImageJsMacroErrorDialogTellsAndTheMacroStops() throws Exception {
		final AssembledImageJ.Result r = AssembledImageJ.main(dir, MacroErrorDriver.class.getName(), macro(
			"run('ImageArray Statistics...', 'bins=0.5');"));
		assertEquals(0, r.status, r.output);
		assertEquals(1, r.output.split("dialog: ", -1).length - 1, "one dialog:\n" + r.output);
		assertTrue(r.output.contains("dialog: Macro Error\n"), r.output);
		assertTrue(r.output.contains("error: ImageArray Statistics: bins must be a whole number, not 0.5.\n"), r.output);
		assertFalse(r.output.contains("went on with"), r.output);
	}

	/** A 16-bit stack, as the macros' newImage makes. */
	private static ImagePlus stack(final String title, final int w, final int h, final int d) {
		final ImageStack stack = ImageStack.create(w, h, d, 16);
		return new ImagePlus(title, stack);
	}
}
