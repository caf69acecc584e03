package io.github.imagearray.commands;

import java.util.concurrent.CancellationException;

import org.scijava.command.ContextCommand;

import io.github.imagearray.IORunnable;
import io.github.imagearray.plugins.Failures;

/**
 * The one answer of every SciJava command of ImageArray that cannot do its work: an input refused,
 * a missing library, too little memory or an interruption cancels the command with one line
 * ({@link Failures#message}). SciJava then shows the line (a warning in Fiji's window) and the
 * caller's {@code Module} says {@code isCanceled()} with it as {@code getCancelReason()}; anything
 * else is a fault of ImageArray, which SciJava logs with its trace and rethrows to the caller.
 * <p>
 * {@code public void run() { CommandFailures.run(this, () -> statistics = compute()); }}
 */
final class CommandFailures {

	private CommandFailures() {
	}

	static void run(final ContextCommand command, final IORunnable work) {
		try {
			Failures.run(work, command::cancel);
		}
		catch (final CancellationException e) {
			command.cancel(Failures.message(e));
		}
	}
}
