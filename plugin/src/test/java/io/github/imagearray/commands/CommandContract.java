package io.github.imagearray.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import ij.ImagePlus;
import ij.process.ColorProcessor;
import io.github.imagearray.bridge.ImagePlusImgs;
import net.imglib2.img.array.ArrayImgs;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleException;

/**
 * What every SciJava command of ImageArray must do with bad input, in the style of BoneJ2's
 * contract tests: one helper per case, called from the test of each command; a refused input
 * cancels the command with one line that names the problem.
 * <p>
 * {@code CommandContract.refusesArgb(commands, StatisticsCommand.class, "bins", 0);}
 */
final class CommandContract {

	static final String ARGB_REFUSED = "The image's pixels are ARGBType, not real numbers.";

	private CommandContract() {
	}

	/**
	 * Every bad image a command that takes {@code image} or {@code imp} may get: none, null, RGB and
	 * ARGB.
	 */
	static void refusesEveryBadImage(final CommandService commands, final Class<? extends Command> command,
		final Object... others) throws Exception
	{
		refusesNoImage(commands, command, others);
		refusesNullImage(commands, command, ImageInput.NONE, others);
		refusesRgb(commands, command, others);
		refusesArgb(commands, command, others);
	}

	/** Neither {@code image} nor {@code imp}. */
	static void refusesNoImage(final CommandService commands, final Class<? extends Command> command,
		final Object... others) throws Exception
	{
		assertEquals(ImageInput.NONE, cancelReason(commands, command, others));
	}

	/**
	 * An {@code image} given as null, as a script may pass an unset variable.
	 *
	 * @param message the command's answer: {@link ImageInput#NONE} where an ImagePlus may be given
	 *          instead, else SciJava's for a required input
	 */
	static void refusesNullImage(final CommandService commands, final Class<? extends Command> command,
		final String message, final Object... others) throws Exception
	{
		assertEquals(message, cancelReason(commands, command, with(others, "image", null)));
	}

	static void refusesRgb(final CommandService commands, final Class<? extends Command> command,
		final Object... others) throws Exception
	{
		assertEquals(ImagePlusImgs.RGB_REFUSED, cancelReason(commands, command, with(others, "imp", new ImagePlus("rgb",
			new ColorProcessor(3, 3)))));
	}

	static void refusesArgb(final CommandService commands, final Class<? extends Command> command,
		final Object... others) throws Exception
	{
		assertEquals(ARGB_REFUSED, cancelReason(commands, command, with(others, "image", ArrayImgs.argbs(2, 2))));
	}

	/** @param inputs every input but {@code bins} */
	static void refusesBadBins(final CommandService commands, final Class<? extends Command> command,
		final Object... inputs) throws Exception
	{
		assertEquals("bins must be 0 (automatic) or from 1 to 1048576, not -2.", cancelReason(commands, command, with(
			inputs, "bins", -2)));
		assertEquals("bins must be 0 (automatic) or from 1 to 1048576, not 2000000.", cancelReason(commands, command,
			with(inputs, "bins", 2_000_000)));
	}

	/**
	 * Run in a thread that is interrupted (as a script's thread is when its user stops it), the
	 * command cancels with the engine's message instead of returning partial results.
	 *
	 * @param inputs every input, the image large enough for several spans
	 */
	static void cancelsWhenInterrupted(final Context context, final Class<? extends Command> command,
		final Object... inputs) throws ModuleException
	{
		final CommandInfo info = context.service(CommandService.class).getCommand(command);
		final CommandModule module = new CommandModule(info);
		context.inject(module.getCommand());
		final Map<String, Object> values = map(inputs);
		for (final Map.Entry<String, Object> e : values.entrySet()) {
			module.setInput(e.getKey(), e.getValue());
			module.resolveInput(e.getKey());
		}
		Thread.currentThread().interrupt();
		try {
			module.run();
		}
		finally {
			Thread.interrupted();
		}
		assertTrue(module.isCanceled(), command + " ran to the end");
		assertEquals("Statistics computation was interrupted.", module.getCancelReason());
	}

	private static String cancelReason(final CommandService commands, final Class<? extends Command> command,
		final Object... inputs) throws Exception
	{
		final CommandModule module = commands.run(command, true, inputs).get();
		assertTrue(module.isCanceled(), command + " accepted " + Arrays.toString(inputs));
		return module.getCancelReason();
	}

	/** @return the inputs with {@code name} set to {@code value} */
	private static Object[] with(final Object[] inputs, final String name, final Object value) {
		final Map<String, Object> values = map(inputs);
		values.put(name, value);
		final Object[] pairs = new Object[2 * values.size()];
		int i = 0;
		for (final Map.Entry<String, Object> e : values.entrySet()) {
			pairs[i++] = e.getKey();
			pairs[i++] = e.getValue();
		}
		return pairs;
	}

	private static Map<String, Object> map(final Object[] inputs) {
		final Map<String, Object> values = new LinkedHashMap<>();
		for (int i = 0; i < inputs.length; i += 2)
			values.put((String) inputs[i], inputs[i + 1]);
		return values;
	}
}
