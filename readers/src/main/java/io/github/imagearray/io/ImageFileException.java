package io.github.imagearray.io;

import java.io.IOException;

import io.github.imagearray.OneLine;

/**
 * An image file that cannot be read; the message names the file and the problem, on one line:
 * control characters that came from the file (a carriage return in a header value) are shown escaped.
 */
public class ImageFileException extends IOException {

	private static final long serialVersionUID = 1L;

	public ImageFileException(final String message) {
		super(OneLine.printable(message));
	}

	public ImageFileException(final String message, final Throwable cause) {
		super(OneLine.printable(message), cause);
	}
}
