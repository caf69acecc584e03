package io.github.imagearray.command;

/**
 * A command line that cannot be run as given; the message says what is wrong, and
 * {@link ExitStatus#of} makes it exit status 2.
 * <p>
 * {@code throw new UsageException("describe needs --out DIR.");}
 */
public final class UsageException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** @param message what is wrong with the command line, as one line */
	public UsageException(final String message) {
		super(message);
	}
}
