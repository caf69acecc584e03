package io.github.imagearray.stats;

/**
 * The threads asked for need more working memory than the Java heap has free now: a refusal that
 * depends on what else is in memory, not on the image, so a run of many images tells it apart from
 * a bad one.
 * <p>
 * {@code catch (ThreadsDoNotFitException e) { System.err.println("imagearray: " + e.getMessage()); }}
 */
public class ThreadsDoNotFitException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	public ThreadsDoNotFitException(final String message) {
		super(message);
	}
}
