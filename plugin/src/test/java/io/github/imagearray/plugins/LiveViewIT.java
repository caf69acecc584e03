package io.github.imagearray.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live orthogonal view in the assembled ImageJ under Xvfb, driven by a robot
 * ({@code LiveViewDriver}): clicks in each panel, the status line, the wheel and arrow keys, the
 * stack's slice following z and its changes redrawn, the dialog beside the window, a scale-4 export
 * and the window closing with its stack. Its screenshots are kept in {@code target/screenshots}.
 */
class LiveViewIT {

	@TempDir
	Path dir;

	@Test
	void aRobotDrivesTheLiveView() throws Exception {
		final AssembledImageJ.Result r = AssembledImageJ.main(dir, "io.github.imagearray.display.LiveViewDriver", dir
			.toString());
		assertEquals(0, r.status, r.output);
		assertTrue(r.output.contains(", 0 failed"), r.output);
		final Path kept = Files.createDirectories(Paths.get("target", "screenshots"));
		for (final String shot : new String[] { "live-view.png", "slices-scale-4.png", "phantom-scale-4.png" })
			Files.copy(dir.resolve(shot), kept.resolve(shot), StandardCopyOption.REPLACE_EXISTING);
	}
}
