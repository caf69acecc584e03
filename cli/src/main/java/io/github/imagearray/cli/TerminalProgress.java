package io.github.imagearray.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Locale;

import io.github.imagearray.stats.ProgressListener;

/**
 * A progress line on standard error — the fraction done and the rate in voxels per second, or the
 * files done of all and the rate in files per second, rewritten in place at most four times a
 * second — only when standard error is a terminal, and wiped when the work is done; nothing ever on
 * standard output.
 * <p>
 * {@code calculator.progress(TerminalProgress.of(System.err, voxels))}
 */
final class TerminalProgress implements ProgressListener {

	private static final long EVERY_NANOS = 250_000_000L;

	/** The line for the fraction done after some seconds. */
	@FunctionalInterface
	interface Line {

		String of(double fraction, double seconds);
	}

	private final PrintStream err;
	private final Line line;
	private final boolean onTerminal;
	private final long start = System.nanoTime();
	private long shown;
	private int width;

	private TerminalProgress(final PrintStream err, final Line line, final boolean onTerminal) {
		this.err = err;
		this.line = line;
		this.onTerminal = onTerminal;
	}

	/**
	 * @param voxels the voxels one pass reads, for the rate
	 * @return a progress line on {@code err} when standard error is a terminal, else nothing
	 */
	static ProgressListener of(final PrintStream err, final double voxels) {
		return shown(err, (fraction, seconds) -> String.format(Locale.ROOT, "imagearray: %3.0f %%  %.0f Mvoxels/s", 100 *
			fraction, fraction * voxels / Math.max(seconds, 1e-9) * 1e-6));
	}

	/**
	 * @param files the files of the run
	 * @return a line of the files done on {@code err} when standard error is a terminal (else it
	 *         shows nothing), through which other lines are {@link #say}d
	 */
	static TerminalProgress files(final PrintStream err, final int files) {
		return new TerminalProgress(err, (fraction, seconds) -> filesLine(Math.round(fraction * files), files, seconds),
			onTerminal(err));
	}

	/** Prints a line of its own on {@code err}: the progress line is wiped first and drawn again after. */
	synchronized void say(final String text) {
		wipe();
		err.println(text);
		shown = System.nanoTime() - EVERY_NANOS;
	}

	/** @return the line for {@code done} of {@code files} files after {@code seconds} */
	static String filesLine(final long done, final int files, final double seconds) {
		return String.format(Locale.ROOT, "imagearray: %d of %d files  %.1f files/s", done, files, done / Math.max(
			seconds, 1e-9));
	}

	private static ProgressListener shown(final PrintStream err, final Line line) {
		return onTerminal(err) ? new TerminalProgress(err, line, true) : ProgressListener.NONE;
	}

	private static boolean onTerminal(final PrintStream err) {
		return err == System.err && stderrIsTerminal();
	}

	/** @return whether file descriptor 2 is a terminal (Linux: /proc; elsewhere: a console) */
	static boolean stderrIsTerminal() {
		try {
			final String target = Files.readSymbolicLink(Paths.get("/proc/self/fd/2")).toString();
			return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
		}
		catch (final IOException | UnsupportedOperationException | SecurityException e) {
			return System.console() != null;
		}
	}

	@Override
	public synchronized void progress(final double fraction) {
		if (!onTerminal) return;
		final long now = System.nanoTime();
		if (fraction >= 1) {
			wipe();
			return;
		}
		if (now - shown < EVERY_NANOS) return;
		shown = now;
		final String text = line.of(fraction, (now - start) * 1e-9);
		err.print("\r" + text + spaces(Math.max(0, width - text.length())));
		width = text.length();
	}

	private void wipe() {
		if (width > 0) err.print("\r" + spaces(width) + "\r");
		width = 0;
	}

	private static String spaces(final int n) {
		final StringBuilder b = new StringBuilder(n);
		for (int i = 0; i < n; i++)
			b.append(' ');
		return b.toString();
	}
}
