package io.github.imagearray;

/**
 * Messages of one line, for a user to read: what went wrong in words, never Java's own ("null", an
 * exception class without its text) nor a line break that came from a file.
 * <p>
 * {@code System.err.println("imagearray: " + OneLine.reason(e));}
 */
public final class OneLine {

	private OneLine() {
	}

	/**
	 * @return the message of a failure on one line, or its kind where it has none (never "null"):
	 *         {@code OneLine.reason(new EOFException())} is {@code "EOFException"}
	 */
	public static String reason(final Throwable e) {
		final String message = e.getMessage();
		return printable(message == null || message.trim().isEmpty() ? e.getClass().getSimpleName() : message);
	}

	/** @return the text with control characters escaped as {@code \r}, {@code \n}, {@code \t} or a Unicode escape */
	public static String printable(final String text) {
		if (text == null) return null;
		final StringBuilder b = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			final char c = text.charAt(i);
			if (c == '\r') b.append("\\r");
			else if (c == '\n') b.append("\\n");
			else if (c == '\t') b.append("\\t");
			else if (c < 0x20 || c == 0x7f) b.append(String.format("\\u%04x", (int) c));
			else b.append(c);
		}
		return b.toString();
	}
}
