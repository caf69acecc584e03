package io.github.imagearray.stats;

/**
 * Copies between primitive arrays of one element type (byte, short, int, long, float, double)
 * that are not contiguous: a column out of a plane, a row out of a chunk stored first axis fastest.
 * <p>
 * {@code PrimitiveArrays.copyStrided(plane, x, width, column, 0, height);}
 */
public final class PrimitiveArrays {

	private PrimitiveArrays() {
	}

	/**
	 * Copies {@code n} elements of {@code from}, {@code stride} apart from index {@code first}, into
	 * {@code to} from index {@code at}; both arrays of the same element type.
	 */
	public static void copyStrided(final Object from, final int first, final int stride, final Object to, final int at,
		final int n)
	{
		// one loop per type, so that each is a plain array loop
		if (from instanceof float[]) for (int i = 0; i < n; i++)
			((float[]) to)[at + i] = ((float[]) from)[first + i * stride];
		else if (from instanceof short[]) for (int i = 0; i < n; i++)
			((short[]) to)[at + i] = ((short[]) from)[first + i * stride];
		else if (from instanceof byte[]) for (int i = 0; i < n; i++)
			((byte[]) to)[at + i] = ((byte[]) from)[first + i * stride];
		else if (from instanceof int[]) for (int i = 0; i < n; i++)
			((int[]) to)[at + i] = ((int[]) from)[first + i * stride];
		else if (from instanceof long[]) for (int i = 0; i < n; i++)
			((long[]) to)[at + i] = ((long[]) from)[first + i * stride];
		else for (int i = 0; i < n; i++)
			((double[]) to)[at + i] = ((double[]) from)[first + i * stride];
	}
}
