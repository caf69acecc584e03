package io.github.imagearray.commands;

import org.scijava.app.StatusService;

import io.github.imagearray.stats.ProgressListener;

/** Forwards progress to SciJava's {@link StatusService}, when the context has one. */
final class StatusProgress implements ProgressListener {

	private static final int STEPS = 1000;
	private final StatusService status;
	private final String message;

	StatusProgress(final StatusService status, final String message) {
		this.status = status;
		this.message = message;
	}

	@Override
	public void progress(final double fraction) {
		if (status != null) status.showStatus((int) Math.round(fraction * STEPS), STEPS, message);
	}
}
