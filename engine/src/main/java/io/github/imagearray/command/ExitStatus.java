package io.github.imagearray.command;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

import io.github.imagearray.IORunnable;
import io.github.imagearray.OneLine;

/**
 * The exit statuses and one-line errors of ImageArray's programs (the command line and the Spark
 * application): a problem is one line on standard error, never a stack trace.
 * <p>
 * {@code System.exit(ExitStatus.of(System.err, () -> command.run(args)));}
 */
public final class ExitStatus {

	/** The work was done. */
	public static final int DONE = 0;
	/** Input that cannot be used: a file that cannot be read or written, a value out of range. */
	public static final int BAD_INPUT = 1;
	/** A command line that cannot be run as given ({@link UsageException}). */
	public static final int BAD_COMMAND_LINE = 2;
	/** A bug: an unexpected exception, named in its one line. */
	public static final int INTERNAL_ERROR = 3;

	private ExitStatus() {
	}

	/**
	 * Runs a command's work with the answers every command gives: one line {@code imagearray: ...}
	 * on {@code err} for a problem, never a stack trace.
	 *
	 * @return the exit status: {@link #DONE}, {@link #BAD_COMMAND_LINE} for a
	 *         {@link UsageException}, {@link #BAD_INPUT} for an {@link IOException} (unchecked or
	 *         not), an {@link IllegalArgumentException} or too little memory, {@link #INTERNAL_ERROR}
	 *         for any other runtime exception
	 */
	public static int of(final PrintStream err, final IORunnable work) {
		try {
			work.run();
			return DONE;
		}
		catch (final UsageException e) {
			err.println("imagearray: " + OneLine.reason(e));
			return BAD_COMMAND_LINE;
		}
		catch (final IOException | IllegalArgumentException e) {
			err.println("imagearray: " + OneLine.reason(e));
			return BAD_INPUT;
		}
		catch (final UncheckedIOException e) {
			err.println("imagearray: " + OneLine.reason(e.getCause()));
			return BAD_INPUT;
		}
		catch (final OutOfMemoryError e) {
			err.println("imagearray: not enough memory" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")") +
				"; run Java with a larger -Xmx, or with fewer --threads.");
			return BAD_INPUT;
		}
		catch (final RuntimeException e) {
			err.println("imagearray: internal error: " + OneLine.printable(e.toString()));
			return INTERNAL_ERROR;
		}
	}
}
