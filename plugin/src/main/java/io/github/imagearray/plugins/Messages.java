package io.github.imagearray.plugins;

import java.awt.GraphicsEnvironment;
import java.io.CharArrayWriter;
import java.io.PrintWriter;
import java.util.concurrent.CancellationException;

import ij.IJ;
import ij.Macro;
import ij.macro.Interpreter;

import io.github.imagearray.IORunnable;

/**
 * Runs every menu command and tells the user why one could not do its work. From the menu: a
 * dialog. From a macro: the message, and the macro stops, as it does after an error of ImageJ's
 * own commands: with an ImageJ window, ImageJ's "Macro Error" dialog naming the line; without one
 * (ImageJ's {@code -batch}, Fiji's {@code --headless}) no dialog that no one could close, but the
 * message in the Log (standard output there) before the macro stops.
 */
final class Messages {

	/** How a macro is told of an error. */
	enum Stop {
		/** Not in a macro: a dialog. */
		DIALOG,
		/** A macro with an ImageJ window: ImageJ's "Macro Error" dialog, which stops the macro. */
		MACRO_ERROR,
		/** A macro without a window: a line in the Log, then the macro stops. */
		LOG
	}

	private Messages() {
	}

	/**
	 * Runs a command's whole work, dialog included, with the answers every command gives: what
	 * {@link Failures#run} puts in words as an {@link #error}, Esc as {@link #canceled}, and the
	 * progress bar reset in any case. Anything else is a fault of ImageArray: its trace goes to the
	 * Log and the macro stops too.
	 * <p>
	 * Example: {@code Messages.run(COMMAND, () -> process(ActiveImage.get(), bins).show(TABLE));}
	 */
	static void run(final String command, final IORunnable work) {
		try {
			Failures.run(work, message -> error(command, message));
		}
		catch (final CancellationException e) {
			canceled(command);
		}
		catch (final RuntimeException e) {
			// ImageJ's own way out of a macro (an error it already reported, ours too) passes through
			if (Macro.MACRO_CANCELED.equals(e.getMessage())) throw e;
			IJ.log(trace(e));
			error(command, "ImageArray failed (" + e.getClass().getSimpleName() +
				"; the Log holds the details to report).");
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

	/**
	 * Tells the user that {@code command} cannot run, and stops the macro that ran it.
	 *
	 * @param message one line naming the problem
	 */
	static void error(final String command, final String message) {
		switch (stop(IJ.isMacro(), IJ.getInstance() != null, GraphicsEnvironment.isHeadless())) {
			case DIALOG:
				IJ.error(command, message);
				return;
			case MACRO_ERROR:
				// the interpreter shows "Macro Error" with the line and stops; a plugin calling IJ.run
				// gets ImageJ's RuntimeException(Macro.MACRO_CANCELED) from it
				IJ.error(command, command + ": " + message);
				return;
			default:
				IJ.log(command + ": " + message);
				stopMacro(command + ": " + message);
		}
	}

	/**
	 * @param macro whether a macro (or a plugin through {@code IJ.run}) runs the command
	 * @param window whether ImageJ has its window
	 * @return how the user is told
	 */
	static Stop stop(final boolean macro, final boolean window, final boolean headless) {
		if (!macro) return Stop.DIALOG;
		return window && !headless ? Stop.MACRO_ERROR : Stop.LOG;
	}

	/**
	 * Stops the running macro without a dialog. ImageJ's own {@link Macro#abort()} does not: it sets a
	 * flag that {@code IJ.run} checks only when no interpreter runs, and the exception it may throw
	 * ends in {@code ij.Executer}, which drops it. An interpreter that ignores errors ends quietly at
	 * the next statement, its error message set.
	 */
	private static void stopMacro(final String message) {
		final Interpreter interpreter = Interpreter.getInstance();
		if (interpreter != null) {
			interpreter.setIgnoreErrors(true);
			interpreter.abort(message);
		}
		// a plugin calling IJ.run (no interpreter) gets RuntimeException(Macro.MACRO_CANCELED) from it
		Macro.abort();
	}

	private static String trace(final Throwable e) {
		final CharArrayWriter text = new CharArrayWriter();
		e.printStackTrace(new PrintWriter(text));
		return text.toString();
	}
}
