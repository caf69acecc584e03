package io.github.imagearray;

import java.math.BigDecimal;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedLongType;
import net.imglib2.view.Views;

/** Helpers shared by tests. */
public final class TestImages {

	private TestImages() {
	}

	/**
	 * @return the voxel values in flat iteration order, as doubles (unsigned 64-bit values rounded
	 *         correctly through BigDecimal, independently of the engine's conversion)
	 */
	public static double[] values(final RandomAccessibleInterval<? extends RealType<?>> image) {
		final double[] v = new double[(int) Views.flatIterable(image).size()];
		int i = 0;
		for (final RealType<?> t : Views.flatIterable(image))
			v[i++] = t instanceof UnsignedLongType ? new BigDecimal(Long.toUnsignedString(((UnsignedLongType) t).get()))
				.doubleValue() : t.getRealDouble();
		return v;
	}
}
