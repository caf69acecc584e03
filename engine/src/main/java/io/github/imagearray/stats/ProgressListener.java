package io.github.imagearray.stats;

/**
 * Receives the progress of a statistics computation. Called from worker threads, so
 * implementations must be thread-safe and quick; adapters forward it to ImageJ's progress bar or
 * SciJava's {@code StatusService}.
 * <p>
 * {@code
 * new StatisticsCalculator().progress(f -> System.err.printf("%.0f%%%n", 100 * f)).compute(image);
 * }
 */
@FunctionalInterface
public interface ProgressListener {

	/** Ignores progress. */
	ProgressListener NONE = fraction -> {};

	/** @param fraction the part of the work done, from 0 to 1 */
	void progress(double fraction);
}
