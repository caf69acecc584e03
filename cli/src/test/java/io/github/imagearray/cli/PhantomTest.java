package io.github.imagearray.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.planar.PlanarImg;

/** The shapes of data that {@code bench --data} generates have the features they are named for. */
class PhantomTest {

	private static final int SIZE = 64;

	@Test
	void ctAirHoldsMostVoxelsAtMinus1024() {
		final float[] v = voxels(Phantom.Data.CT_AIR);
		final long air = count(v, -1024f);
		assertTrue(air > 0.6 * v.length && air < 0.8 * v.length, air + " of " + v.length + " voxels are air");
		assertTrue(max(v) > -200, "tissue and bone inside the head");
	}

	@Test
	void outliersAreFiftyAtEachEnd() {
		final float[] v = voxels(Phantom.Data.OUTLIERS);
		assertEquals(50, count(v, 1e30f));
		assertEquals(50, count(v, -1e30f));
	}

	@Test
	void narrowValuesAreSixteenConsecutiveFloats() {
		for (final float f : voxels(Phantom.Data.NARROW)) {
			final int ulps = Float.floatToIntBits(f) - Float.floatToIntBits(1000f);
			assertTrue(ulps >= 0 && ulps <= 15, f + " is within 15 ulps of 1000");
		}
	}

	@Test
	void lognormalValuesSpanManyOrdersOfMagnitude() {
		final float[] v = voxels(Phantom.Data.LOGNORMAL);
		float min = Float.MAX_VALUE;
		for (final float f : v)
			min = Math.min(min, f);
		assertTrue(min > 0 && max(v) / min > 1e8, "from " + min + " to " + max(v));
	}

	private static float[] voxels(final Phantom.Data data) {
		final PlanarImg<?, ?> img = Phantom.create(Phantom.Type.FLOAT32, data, SIZE, 1);
		final float[] all = new float[SIZE * SIZE * SIZE];
		for (int z = 0; z < SIZE; z++)
			System.arraycopy(((ArrayDataAccess<?>) img.getPlane(z)).getCurrentStorageArray(), 0, all, z * SIZE * SIZE,
				SIZE * SIZE);
		return all;
	}

	private static long count(final float[] v, final float value) {
		long n = 0;
		for (final float f : v)
			if (f == value) n++;
		return n;
	}

	private static float max(final float[] v) {
		float max = -Float.MAX_VALUE;
		for (final float f : v)
			max = Math.max(max, f);
		return max;
	}
}
