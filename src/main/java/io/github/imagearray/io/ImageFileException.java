package io.github.imagearray.io;

import java.io.IOException;

/** An image file that cannot be read; the message names the file and the problem. */
public class ImageFileException extends IOException {

	private static final long serialVersionUID = 1L;

	public ImageFileException(final String message) {
		super(message);
	}

	public ImageFileException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
