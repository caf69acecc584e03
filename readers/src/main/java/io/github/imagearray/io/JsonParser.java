package io.github.imagearray.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON text (RFC 8259) into plain Java values: objects as {@link Map}s in their order,
 * arrays as {@link List}s, numbers as {@link Double} (or {@link Long} when whole and within range),
 * strings, {@link Boolean}s and null. For the metadata of Zarr and N5; anything that is not JSON is
 * an {@link IllegalArgumentException} that says where.
 * <p>
 * {@code Map<?, ?> zarray = (Map<?, ?>) JsonParser.parse(text);}
 */
final class JsonParser {

	private final String text;
	private int at;

	private JsonParser(final String text) {
		this.text = text;
	}

	/** @return the value the text holds */
	static Object parse(final String text) {
		final JsonParser p = new JsonParser(text);
		final Object value = p.value();
		p.space();
		if (p.at != text.length()) throw p.error("text after the value");
		return value;
	}

	private Object value() {
		space();
		if (at >= text.length()) throw error("the text ends where a value is expected");
		final char c = text.charAt(at);
		if (c == '{') return object();
		if (c == '[') return array();
		if (c == '"') return string();
		if (text.startsWith("true", at)) return word("true", Boolean.TRUE);
		if (text.startsWith("false", at)) return word("false", Boolean.FALSE);
		if (text.startsWith("null", at)) return word("null", null);
		return number();
	}

	private Object word(final String word, final Object value) {
		at += word.length();
		return value;
	}

	private Map<String, Object> object() {
		final Map<String, Object> map = new LinkedHashMap<>();
		at++;
		space();
		if (peek() == '}') {
			at++;
			return map;
		}
		while (true) {
			space();
			if (peek() != '"') throw error("a name in quotes expected");
			final String name = string();
			space();
			expect(':');
			map.put(name, value());
			space();
			if (peek() == ',') at++;
			else {
				expect('}');
				return map;
			}
		}
	}

	private List<Object> array() {
		final List<Object> list = new ArrayList<>();
		at++;
		space();
		if (peek() == ']') {
			at++;
			return list;
		}
		while (true) {
			list.add(value());
			space();
			if (peek() == ',') at++;
			else {
				expect(']');
				return list;
			}
		}
	}

	private String string() {
		at++;
		final StringBuilder b = new StringBuilder();
		while (true) {
			if (at >= text.length()) throw error("a string that does not end");
			final char c = text.charAt(at++);
			if (c == '"') return b.toString();
			if (c != '\\') {
				b.append(c);
				continue;
			}
			if (at >= text.length()) throw error("a string that does not end");
			final char e = text.charAt(at++);
			switch (e) {
				case 'n':
					b.append('\n');
					break;
				case 't':
					b.append('\t');
					break;
				case 'r':
					b.append('\r');
					break;
				case 'b':
					b.append('\b');
					break;
				case 'f':
					b.append('\f');
					break;
				case 'u':
					if (at + 4 > text.length()) throw error("a short \\u escape");
					try {
						b.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
					}
					catch (final NumberFormatException x) {
						throw error("a \\u escape that is not hexadecimal");
					}
					at += 4;
					break;
				default:
					b.append(e);
			}
		}
	}

	private Object number() {
		final int start = at;
		while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0)
			at++;
		final String n = text.substring(start, at);
		if (n.isEmpty()) throw error("a value expected");
		try {
			if (n.matches("-?\\d{1,18}")) return Long.parseLong(n);
			return Double.parseDouble(n);
		}
		catch (final NumberFormatException e) {
			throw error("'" + n + "' is not a number");
		}
	}

	private void space() {
		while (at < text.length() && Character.isWhitespace(text.charAt(at)))
			at++;
	}

	private char peek() {
		return at < text.length() ? text.charAt(at) : '\0';
	}

	private void expect(final char c) {
		if (peek() != c) throw error("'" + c + "' expected");
		at++;
	}

	private IllegalArgumentException error(final String what) {
		return new IllegalArgumentException("not JSON at character " + at + ": " + what);
	}
}
