package io.github.imagearray;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON writer for nested maps, numbers, strings and arrays. Doubles are written in full
 * round-trip precision; non-finite ones as the strings "NaN", "Infinity" and "-Infinity".
 */
public final class Json {

	private Json() {
	}

	/**
	 * Writes a JSON array item by item, as {@link #write} writes a list, so that long arrays of rows
	 * are never held whole: {@code Json.Items rows = new Json.Items(out); rows.add(row); rows.end();}.
	 * A run that fails before {@link #end} leaves the array open: invalid JSON, never a complete-looking
	 * array of some of the rows.
	 */
	public static final class Items {

		private final PrintStream out;
		private boolean first = true;

		/** @param out receives the array; {@code [} is written at once */
		public Items(final PrintStream out) {
			this.out = out;
			out.print('[');
		}

		/** @param item written as {@link Json#write} writes it */
		public void add(final Object item) {
			out.print(first ? "" : ",\n ");
			first = false;
			out.print(write(item));
		}

		/** Closes the array and ends its line. */
		public void end() {
			out.println(']');
		}
	}

	/**
	 * @param value a map (keys as strings, in its order), a list, a {@code double[]} or
	 *          {@code long[]}, a number, a string, a boolean or null
	 * @return its JSON text: {@code Json.write(Collections.singletonMap("mean", 1.5))} is {@code {"mean": 1.5}}
	 */
	public static String write(final Object value) {
		final StringBuilder out = new StringBuilder();
		append(out, value);
		return out.toString();
	}

	private static void append(final StringBuilder out, final Object value) {
		if (value instanceof Map) object(out, (Map<?, ?>) value);
		else if (value instanceof List) {
			out.append('[');
			boolean first = true;
			for (final Object item : (List<?>) value) {
				out.append(first ? "" : ",\n ");
				first = false;
				append(out, item);
			}
			out.append(']');
		}
		else if (value instanceof double[]) {
			final double[] a = (double[]) value;
			out.append('[');
			for (int i = 0; i < a.length; i++)
				append(out.append(i == 0 ? "" : ", "), a[i]);
			out.append(']');
		}
		else if (value instanceof long[]) {
			final long[] a = (long[]) value;
			out.append('[');
			for (int i = 0; i < a.length; i++)
				out.append(i == 0 ? "" : ", ").append(a[i]);
			out.append(']');
		}
		else if (value instanceof Double || value instanceof Float) number(out, ((Number) value).doubleValue());
		else if (value instanceof Number || value instanceof Boolean) out.append(value);
		else if (value == null) out.append("null");
		else string(out, value.toString());
	}

	private static void object(final StringBuilder out, final Map<?, ?> map) {
		out.append('{');
		boolean first = true;
		for (final Map.Entry<?, ?> e : map.entrySet()) {
			out.append(first ? "" : ", ");
			first = false;
			string(out, String.valueOf(e.getKey()));
			out.append(": ");
			append(out, e.getValue());
		}
		out.append('}');
	}

	/** Non-finite numbers as the strings "NaN", "Infinity" and "-Infinity", which JSON lacks. */
	private static void number(final StringBuilder out, final double d) {
		if (Double.isNaN(d)) out.append("\"NaN\"");
		else if (Double.isInfinite(d)) out.append(d > 0 ? "\"Infinity\"" : "\"-Infinity\"");
		else out.append(d);
	}

	private static void string(final StringBuilder out, final String s) {
		out.append('"');
		for (int i = 0; i < s.length(); i++) {
			final char c = s.charAt(i);
			if (c == '"' || c == '\\') out.append('\\').append(c);
			else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
			else out.append(c);
		}
		out.append('"');
	}
}
