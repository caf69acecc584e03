package io.github.imagearray.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The positional arguments and {@code --name value} options of one command, for the command line and
 * the cluster application alike:
 * {@code int bins = new Arguments("stats", args, "bins").integer("bins", 0, 0, 1024);}
 */
public final class Arguments {

	private final String command;
	private final List<String> positional = new ArrayList<>();
	private final Map<String, String> options = new HashMap<>();
	/** The options that take no value. */
	private static final Set<String> FLAGS = new HashSet<>(Arrays.asList("json", "skip-unreadable", "scale-bar", "redraw"));

	/**
	 * @param args the arguments after the command name
	 * @param allowed the option names the command knows
	 */
	public Arguments(final String command, final String[] args, final String... allowed) {
		this.command = command;
		final Set<String> known = new HashSet<>(Arrays.asList(allowed));
		for (int i = 0; i < args.length; i++) {
			final String a = args[i];
			if (a.startsWith("--")) {
				final String name = a.substring(2);
				if (!known.contains(name)) throw new UsageException(command + ": unknown option " + a + (known.isEmpty()
					? "" : "; known: --" + String.join(", --", allowed)));
				if (FLAGS.contains(name)) options.put(name, "");
				else if (i + 1 >= args.length) throw new UsageException(command + ": option " + a + " needs a value.");
				else options.put(name, args[++i]);
			}
			else positional.add(a);
		}
	}

	/** @return the command's name, for messages */
	public String command() {
		return command;
	}

	/** @return whether the flag (an option without a value, such as {@code --json}) was given */
	public boolean flag(final String name) {
		return options.containsKey(name);
	}

	/** @return the only positional argument, named {@code what} in errors */
	public String single(final String what) {
		if (positional.size() != 1) throw new UsageException(command + " takes one " + what + ", got " + positional
			.size() + ".");
		return positional.get(0);
	}

	/** @return the positional arguments, in order */
	public List<String> positional() {
		return new ArrayList<>(positional);
	}

	/** @throws UsageException when there are positional arguments */
	public void noPositional() {
		if (!positional.isEmpty()) throw new UsageException(command + " takes no argument '" + positional.get(0) +
			"'.");
	}

	/** @return the option's value, or the fallback when absent */
	public String option(final String name, final String fallback) {
		return options.getOrDefault(name, fallback);
	}

	/** @return whether the option was given */
	public boolean has(final String name) {
		return options.containsKey(name);
	}

	/** @return the option as a whole number within [min, max], or the fallback when absent */
	public int integer(final String name, final int fallback, final int min, final int max) {
		return integer(name, fallback, min, max, "");
	}

	/** @return the option as a number above {@code above} and at most {@code max}, or the fallback when absent */
	public double decimal(final String name, final double fallback, final double above, final double max) {
		final String text = options.get(name);
		if (text == null) return fallback;
		final double value;
		try {
			value = Double.parseDouble(text.trim());
		}
		catch (final NumberFormatException e) {
			throw new UsageException(command + ": --" + name + " must be a number, not '" + text + "'.");
		}
		if (!(value > above && value <= max)) throw new UsageException(command + ": --" + name + " must be above " +
			above + " and at most " + max + ", not " + text.trim() + ".");
		return value;
	}

	/**
	 * @param meaning said after the allowed range when the value is outside it, e.g. " (0: automatic)"
	 * @return the option as a whole number within [min, max], or the fallback when absent
	 */
	public int integer(final String name, final int fallback, final int min, final int max, final String meaning) {
		final String text = options.get(name);
		if (text == null) return fallback;
		final long value;
		try {
			value = Long.parseLong(text.trim());
		}
		catch (final NumberFormatException e) {
			throw new UsageException(command + ": --" + name + " must be a whole number, not '" + text + "'.");
		}
		if (value < min || value > max) throw new UsageException(command + ": --" + name + " must be between " + min +
			" and " + max + meaning + ", not " + value + ".");
		return (int) value;
	}
}
