package io.github.imagearray.plugins;

import java.awt.Dialog;
import java.awt.EventQueue;
import java.awt.Window;
import java.util.HashMap;
import java.util.Map;

import ij.IJ;
import ij.ImageJ;
import ij.macro.Interpreter;

/**
 * Runs a macro in an ImageJ with its window, as a user's macro runs, and closes the dialog it
 * shows: started by {@code MacroErrorsIT} under Xvfb with the assembled ImageJ's jars. Prints the
 * title of each dialog closed ({@code dialog: }), the interpreter's error message ({@code error: })
 * and ImageJ's Log ({@code log: }).
 * <p>
 * {@code java -Dplugins.dir=target/ImageJ -cp ... io.github.imagearray.plugins.MacroErrorDriver MACRO}
 */
public final class MacroErrorDriver {

	private MacroErrorDriver() {
	}

	public static void main(final String[] args) throws Exception {
		new ImageJ();
		final Interpreter interpreter = new Interpreter();
		final Thread macro = new Thread(() -> interpreter.run(args[0]), "Run$_test Macro$");
		macro.start();
		final long end = System.currentTimeMillis() + 30_000;
		final Map<Window, Long> seen = new HashMap<>();
		while (macro.isAlive() && System.currentTimeMillis() < end) {
			for (final Window w : Window.getWindows())
				if (w instanceof Dialog && w.isShowing()) {
					final Long since = seen.get(w);
					if (since == null) {
						System.out.println("dialog: " + ((Dialog) w).getTitle());
						seen.put(w, System.currentTimeMillis());
					}
					// closed once its modal loop runs: a dialog disposed while show() was still starting
					// left the macro's thread blocked in show() for 30 s once, in a fresh-clone run
					else if (System.currentTimeMillis() - since >= 250) EventQueue.invokeAndWait(w::dispose);
				}
			Thread.sleep(50);
		}
		macro.join(5_000);
		System.out.println("error: " + interpreter.getErrorMessage());
		System.out.println("log: " + IJ.getLog());
		System.exit(macro.isAlive() ? 1 : 0);
	}
}
