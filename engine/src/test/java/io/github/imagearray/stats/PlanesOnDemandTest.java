package io.github.imagearray.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.real.FloatType;

class PlanesOnDemandTest {

	@Test
	void eachSpanReadsItsOwnVoxelsOnceAPassAndNoPlaneIsReadWhole() {
		// planes of 3,000,000 voxels: three spans each
		final int w = 3000, h = 1000, d = 2;
		final AtomicLong read = new AtomicLong();
		final AtomicInteger longest = new AtomicInteger();
		final PlanarImg<FloatType, FloatArray> img = PlanesOnDemand.<FloatType, FloatArray> create(new long[] { w, h,
			d }, (p, from, length) -> {
				read.addAndGet(length);
				longest.accumulateAndGet(length, Math::max);
				final float[] v = new float[length];
				for (int i = 0; i < length; i++)
					v[i] = (float) (((from + i) * 7919 + p) % 1000);
				return v;
			}, a -> new FloatArray((float[]) a), FloatType::new);
		final Statistics s = new StatisticsCalculator().threads(2).compute(img);
		assertEquals((long) w * h * d, s.count());
		final long passes = read.get() / ((long) w * h * d);
		assertEquals(0, read.get() % ((long) w * h * d), "whole passes");
		assertTrue(passes >= 1 && passes <= 4, passes + " passes");
		assertEquals(VoxelSource.SPAN, longest.get(), "no read longer than a span");
	}
}
