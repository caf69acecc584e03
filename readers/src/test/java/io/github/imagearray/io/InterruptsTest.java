package io.github.imagearray.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read by an interrupted thread (ImageJ's Esc, a SciJava cancel) ends with a CancellationException,
 * its interrupt kept, as the statistics are canceled: never a file said to be unreadable in Java's
 * words ({@code ClosedByInterruptException}), for raw planes and DICOM files alike.
 */
class InterruptsTest {

	@TempDir
	Path dir;

	@Test
	void aRawPlaneReadIsCanceled() throws IOException {
		final Path file = Files.write(dir.resolve("plane.raw"), new byte[4096]);
		canceled(() -> PlanarFile.read(file, 0, 4096, MetaElementType.MET_UCHAR, false, 0));
	}

	@Test
	void aDicomReadIsCanceled() throws IOException {
		final Path file = Files.write(dir.resolve("one.dcm"), new byte[4096]);
		canceled(() -> DicomInput.of(file).read(128, new byte[4], 0, 4));
	}

	private static void canceled(final Executable read) {
		Thread.currentThread().interrupt();
		try {
			assertThrows(CancellationException.class, read);
		}
		finally {
			assertTrue(Thread.interrupted(), "the interrupt is kept");
		}
	}
}
