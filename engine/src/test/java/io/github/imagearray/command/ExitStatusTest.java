package io.github.imagearray.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.github.imagearray.IORunnable;

/** Each kind of failure gives its exit status and one line, never a stack trace. */
class ExitStatusTest {

	private static String[] run(final IORunnable work) throws UnsupportedEncodingException {
		final ByteArrayOutputStream err = new ByteArrayOutputStream();
		final int status = ExitStatus.of(new PrintStream(err, true, "UTF-8"), work);
		return new String[] { String.valueOf(status), err.toString("UTF-8") };
	}

	@Test
	void eachFailureHasItsStatusAndOneLine() throws UnsupportedEncodingException {
		assertEquals("0|", String.join("|", run(() -> {})));
		assertEquals("2|imagearray: describe needs --out DIR.\n", String.join("|", run(() -> {
			throw new UsageException("describe needs --out DIR.");
		})));
		assertEquals("1|imagearray: File not found: a.tif\n", String.join("|", run(() -> {
			throw new IOException("File not found: a.tif");
		})));
		assertEquals("1|imagearray: EOFException\n", String.join("|", run(() -> {
			throw new UncheckedIOException(new EOFException());
		})));
		assertEquals("1|imagearray: bins must be between 1 and 1048576, not 0.\n", String.join("|", run(() -> {
			throw new IllegalArgumentException("bins must be between 1 and 1048576, not 0.");
		})));
		assertEquals("1|imagearray: not enough memory (Java heap space); run Java with a larger -Xmx, or with fewer " +
			"--threads.\n", String.join("|", run(() -> {
				throw new OutOfMemoryError("Java heap space");
			})));
		assertEquals("3|imagearray: internal error: java.lang.IllegalStateException: a\\nb\n", String.join("|", run(
			() -> {
				throw new IllegalStateException("a\nb");
			})));
	}

	@Test
	void argumentsAreReadAsBefore() {
		final Arguments a = new Arguments("describe", new String[] { "x.tif", "--out", "d", "--skip-unreadable", "y.tif" },
			"out", "skip-unreadable");
		assertEquals(Arrays.asList("x.tif", "y.tif"), a.positional());
		assertEquals("d", a.option("out", null));
		assertTrue(a.flag("skip-unreadable"));
		assertEquals("describe: unknown option --bins; known: --out, --skip-unreadable", assertThrows(
			UsageException.class, () -> new Arguments("describe", new String[] { "--bins", "3" }, "out",
				"skip-unreadable")).getMessage());
	}
}
