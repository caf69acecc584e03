package io.github.imagearray.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.command.ContextCommand;

import io.github.imagearray.IORunnable;
import io.github.imagearray.io.ImageFileException;
import io.github.imagearray.plugins.Failures;

/** What a SciJava command of ImageArray does when it cannot do its work, and what its caller sees. */
class CommandFailuresTest {

	/** A command whose work is set by the test. */
	private static final class Failing extends ContextCommand {

		IORunnable work;

		@Override
		public void run() {
			CommandFailures.run(this, work);
		}
	}

	private static Failing failing(final IORunnable work) {
		final Failing command = new Failing();
		command.work = work;
		command.run();
		return command;
	}

	@Test
	void aMissingLibraryCancelsNamingIt() {
		final Failing command = failing(() -> {
			throw new NoClassDefFoundError("com/google/gson/JsonParser");
		});
		assertTrue(command.isCanceled());
		assertEquals("ImageArray needs Gson (com.google.gson), which is missing from Fiji's jars folder.", command
			.getCancelReason());
	}

	@Test
	void anUnreadableFileCancelsWithItsLine() {
		final Failing command = failing(() -> {
			throw new ImageFileException("v.nii.gz: the gzip checksum (CRC-32) does not match the data.");
		});
		assertEquals("v.nii.gz: the gzip checksum (CRC-32) does not match the data.", command.getCancelReason());
	}

	@Test
	void workThatSucceedsDoesNotCancel() {
		assertFalse(failing(() -> {}).isCanceled());
	}

	/** A fault of ImageArray is no refusal: the caller gets it, as SciJava's ModuleRunner rethrows it. */
	@Test
	void aFaultReachesTheCaller() {
		final IllegalStateException fault = new IllegalStateException("a bug");
		assertSame(fault, assertThrows(IllegalStateException.class, () -> failing(() -> {
			throw fault;
		})));
	}

	/**
	 * Through CommandService, as scripts call the commands: a refusal comes back as a canceled module
	 * with its reason (the outputs unset), never as an exception a script would stop at.
	 */
	@Test
	void aScriptSeesACanceledModuleWithTheReason() throws InterruptedException, ExecutionException {
		try (Context context = new Context(CommandService.class)) {
			final CommandModule m = context.service(CommandService.class).run(StatisticsCommand.class, true, "bins", 0)
				.get();
			assertTrue(m.isCanceled());
			assertEquals(ImageInput.NONE, m.getCancelReason());
			assertEquals(null, m.getOutput("statistics"));
		}
	}
}
