package io.github.imagearray.io;

import java.nio.channels.ClosedByInterruptException;
import java.util.concurrent.CancellationException;

/**
 * Tells a read stopped by the user (ImageJ's Esc, a SciJava cancel: the reading thread interrupted)
 * from a file that cannot be read. A {@code FileChannel} read by an interrupted thread closes the
 * channel and throws {@link ClosedByInterruptException}; as a file's failure it would be reported as
 * a corrupt strip, or in Java's words.
 * <p>
 * {@code catch (IOException e) { Interrupts.cancelIfInterrupted(file, e); throw new ImageFileException(...); }}
 */
final class Interrupts {

	private Interrupts() {}

	/**
	 * @param source what was read, named in the cancellation's message
	 * @param e why the read failed
	 * @throws CancellationException, the thread's interrupt status kept, when the thread is
	 *           interrupted or {@code e} was caused by an interrupt; else returns
	 */
	static void cancelIfInterrupted(final Object source, final Throwable e) {
		if (!Thread.currentThread().isInterrupted() && !byInterrupt(e)) return;
		Thread.currentThread().interrupt();
		final CancellationException canceled = new CancellationException(source + ": reading was interrupted.");
		canceled.initCause(e);
		throw canceled;
	}

	/** @return whether {@code e}, or one of its causes, says that a thread was interrupted */
	static boolean byInterrupt(final Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause())
			if (t instanceof ClosedByInterruptException || t instanceof InterruptedException) return true;
		return false;
	}
}
