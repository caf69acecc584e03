package io.github.imagearray.stats;

/**
 * How much of the Java heap is free, for checks made before large allocations. The runtime's free
 * memory counts garbage not yet collected as used, so when less seems free than is needed, the
 * garbage is collected once and the heap measured again: a check fails only when the heap really
 * cannot hold what is asked.
 * <p>
 * {@code if (!Heap.holds(bytes)) throw new IllegalArgumentException("needs " + (bytes >> 20) + " MiB");}
 */
public final class Heap {

	private Heap() {
	}

	/** @return the bytes the heap can still give, garbage counted as used */
	public static long free() {
		final Runtime rt = Runtime.getRuntime();
		return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
	}

	/** @return whether {@code bytes} fit in the heap, after collecting garbage where they seem not to */
	public static boolean holds(final long bytes) {
		if (bytes <= free()) return true;
		System.gc();
		return bytes <= free();
	}
}
