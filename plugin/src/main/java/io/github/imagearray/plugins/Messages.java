package io.github.imagearray.plugins;

import java.io.IOException;
import java.util.concurrent.CancellationException;

import ij.IJ;
import ij.Macro;

/**
 * Tells the user why a command cannot run: a dialog when used from the menu; while a macro runs
 * (batch mode included) a line in the Log and the macro is aborted, so no modal dialog ever waits
 * for a click that no one will make.
 */
final class Messages {

	private Messages() {
	}

	/** A command's work after its dialog, which may meet bad input or be cancelled. */
	@FunctionalInterface
	interface Work {

		void run() throws IOException;
	}

	/**
	 * Runs a command's work with the answers every command gives: bad input (an
	 * {@link IllegalArgumentException} or {@link IOException}) as an {@link #error}, Esc as
	 * {@link #canceled}, and the progress bar reset in any case.
	 * <p>
	 * Example: {@code Messages.run(COMMAND, () -> process(imp, bins).show(TABLE));}
	 */
	static void run(final String command, final Work work) {
		try {
			work.run();
		}
		catch (final IOException | IllegalArgumentException e) {
			error(command, e.getMessage());
		}
		catch (final CancellationException e) {
			canceled(command);
		}
		finally {
			IJ.showProgress(1.0);
		}
	}

	/** After Esc: clears the key and the interrupt, and says so in the status bar. */
	static void canceled(final String command) {
		IJ.resetEscape();
		Thread.interrupted();
		IJ.showStatus(command + " canceled; nothing written.");
	}

	static void error(final String command, final String message) {
		if (IJ.isMacro()) {
			IJ.log(command + ": " + message);
			Macro.abort();
		}
		else IJ.error(command, message);
	}
}
