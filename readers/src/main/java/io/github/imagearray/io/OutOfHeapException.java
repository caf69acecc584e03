package io.github.imagearray.io;

/**
 * An image file refused because the Java heap cannot hold it now: a refusal that depends on what
 * else is in memory, not on the file, so a run of many files tells it apart from a broken file.
 * <p>
 * {@code catch (OutOfHeapException e) { System.err.println("imagearray: " + e.getMessage()); }}
 */
public class OutOfHeapException extends ImageFileException {

	private static final long serialVersionUID = 1L;

	public OutOfHeapException(final String message) {
		super(message);
	}
}
