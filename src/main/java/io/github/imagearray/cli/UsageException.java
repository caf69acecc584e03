package io.github.imagearray.cli;

/** A command line that cannot be run as given; the message says what is wrong. */
final class UsageException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	UsageException(final String message) {
		super(message);
	}
}
