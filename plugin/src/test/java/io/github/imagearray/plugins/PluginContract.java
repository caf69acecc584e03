package io.github.imagearray.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.event.KeyEvent;
import java.util.concurrent.CancellationException;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ColorProcessor;
import io.github.imagearray.bridge.ImagePlusImgs;

/**
 * What every menu command's work ({@code process}) must do with bad input, in the style of
 * BoneJ2's contract tests: one helper per case, called from the test of each plugin.
 * <p>
 * {@code PluginContract.refusesRgb(imp -> StatisticsPlugin.process(imp, 0));}
 */
final class PluginContract {

	/** A command's work on an image, its other inputs fixed. */
	@FunctionalInterface
	interface ImageWork {

		Object on(ImagePlus imp) throws Exception;
	}

	/** A command's work with a number of bins as typed, its image fixed. */
	@FunctionalInterface
	interface BinsWork {

		Object with(double bins) throws Exception;
	}

	private PluginContract() {
	}

	static void refusesNoImage(final ImageWork work) {
		assertEquals("No image.", assertThrows(IllegalArgumentException.class, () -> work.on(null)).getMessage());
	}

	static void refusesRgb(final ImageWork work) {
		assertEquals(ImagePlusImgs.RGB_REFUSED, assertThrows(IllegalArgumentException.class, () -> work.on(
			new ImagePlus("rgb", new ColorProcessor(4, 4)))).getMessage());
	}

	static void refusesBadBins(final BinsWork work) {
		assertEquals("bins must be 0 (automatic) or from 1 to 1048576, not -3.", assertThrows(
			IllegalArgumentException.class, () -> work.with(-3)).getMessage());
		assertEquals("bins must be 0 (automatic) or from 1 to 1048576, not 2000000.", assertThrows(
			IllegalArgumentException.class, () -> work.with(2e6)).getMessage());
		assertEquals("bins must be a whole number, not 2.5.", assertThrows(IllegalArgumentException.class, () -> work
			.with(2.5)).getMessage());
	}

	/** @return a float stack of several spans, for the engine to notice Esc between them */
	static ImagePlus large() {
		final ImageStack stack = new ImageStack(512, 512);
		for (int z = 0; z < 12; z++)
			stack.addSlice(null, new float[512 * 512]);
		return new ImagePlus("big", stack);
	}

	/** Esc stops the work with a {@link CancellationException}; once cleared, the same work runs. */
	static void cancelsOnEscape(final ImageWork work) throws Exception {
		final ImagePlus imp = large();
		IJ.setKeyDown(KeyEvent.VK_ESCAPE);
		try {
			assertThrows(CancellationException.class, () -> work.on(imp));
		}
		finally {
			IJ.resetEscape();
			Thread.interrupted();
		}
		assertFalse(IJ.escapePressed());
		work.on(imp);
	}
}
