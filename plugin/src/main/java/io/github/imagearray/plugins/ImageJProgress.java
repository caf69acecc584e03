package io.github.imagearray.plugins;

import ij.IJ;
import io.github.imagearray.stats.ProgressListener;

/**
 * Forwards progress to ImageJ's progress bar and lets Esc cancel: when the user presses Esc,
 * the thread that started the computation is interrupted, which stops it at the next span.
 */
final class ImageJProgress implements ProgressListener {

	private final Thread caller = Thread.currentThread();

	@Override
	public void progress(final double fraction) {
		IJ.showProgress(fraction);
		if (IJ.escapePressed()) caller.interrupt();
	}
}
