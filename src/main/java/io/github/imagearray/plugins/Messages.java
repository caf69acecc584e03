package io.github.imagearray.plugins;

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
