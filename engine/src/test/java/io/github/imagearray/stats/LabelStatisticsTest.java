package io.github.imagearray.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;

import net.imglib2.Cursor;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Test;

class LabelStatisticsTest {

	@Test
	void everyLabelAgreesWithTheBruteForceReference() {
		final Random r = new Random(11);
		final Img<FloatType> image = ArrayImgs.floats(30, 20, 6);
		final Img<IntType> labels = ArrayImgs.ints(30, 20, 6);
		final Cursor<FloatType> c = image.cursor();
		final Cursor<IntType> l = labels.cursor();
		final List<List<Double>> byLabel = new ArrayList<>();
		for (int k = 0; k < 5; k++)
			byLabel.add(new ArrayList<>());
		while (c.hasNext()) {
			final float v = r.nextInt(10) == 0 ? Float.NaN : (float) r.nextGaussian() * 3;
			final int label = r.nextInt(5) == 0 ? 0 : 1 + r.nextInt(4) * 7; // 0 (background), 1, 8, 15, 22
			c.next().set(v);
			l.next().set(label);
			if (label != 0) byLabel.get((label - 1) / 7).add((double) v);
		}
		final SortedMap<Long, Statistics> s = LabelStatistics.compute(Views.translate(image, 2, 2, 2), labels,
			new StatisticsCalculator().bins(40));
		assertEquals(Arrays.asList(1L, 8L, 15L, 22L), new ArrayList<>(s.keySet()));
		for (int k = 0; k < 4; k++) {
			final double[] values = byLabel.get(k).stream().mapToDouble(Double::doubleValue).toArray();
			ReferenceStatistics.of(values, 40).assertAgrees(s.get(1L + 7 * k));
		}
	}

	@Test
	void thousandsOfLabelsInTheirOwnPixelType() {
		final short[] v = new short[200_000];
		final int[] lab = new int[v.length];
		for (int i = 0; i < v.length; i++) {
			v[i] = (short) (i % 1000);
			lab[i] = 1 + i % 3000;
		}
		final SortedMap<Long, Statistics> s = LabelStatistics.compute(ArrayImgs.unsignedShorts(v, v.length), ArrayImgs
			.ints(lab, lab.length), new StatisticsCalculator());
		assertEquals(3000, s.size());
		// label 1 holds i = 0, 3000, 6000, ...: values (i % 1000) = 0 always
		assertEquals(0, s.get(1L).maximum(), 0);
		assertEquals(67, s.get(1L).count());
		// label 2 holds i = 1, 3001, ...: value 1
		assertEquals(1, s.get(2L).median(), 0);
		assertArrayEquals(new long[] { 67 }, s.get(2L).histogram().counts());
	}

	@Test
	void seventyThousandLabelsStreamInOrderWithBoundedHistograms() {
		// each label spans up to 65,536 values: its automatic histogram is bounded all the same
		final short[] v = new short[64 * 64 * 64];
		final int[] lab = new int[v.length];
		final Random r = new Random(13);
		for (int i = 0; i < v.length; i++) {
			v[i] = (short) r.nextInt(65536);
			lab[i] = 1 + i % 70_000;
		}
		final long[] previous = { 0 };
		final int[] rows = { 0 };
		LabelStatistics.compute(ArrayImgs.unsignedShorts(v, 64, 64, 64), ArrayImgs.ints(lab, 64, 64, 64),
			new StatisticsCalculator(), (label, s) -> {
				assertEquals(previous[0] + 1, label);
				previous[0] = label;
				rows[0]++;
				final double[] values = new double[(int) s.count()];
				for (int i = (int) label - 1, k = 0; i < v.length; i += 70_000)
					values[k++] = v[i] & 0xffff;
				final long range = (long) (s.maximum() - s.minimum()) + 1;
				assertEquals(Math.min(range, LabelStatistics.AUTOMATIC_INTEGER_BINS), s.histogram().counts().length);
				ReferenceStatistics.of(values, s.histogram().counts().length).assertAgrees(s);
			});
		assertEquals(70_000, rows[0]);
	}

	@Test
	void sizesMustAgree() {
		assertEquals("The labels are 4 x 4 but the image is 4 x 5.",
			assertThrows(IllegalArgumentException.class, () -> LabelStatistics.compute(ArrayImgs.floats(4, 5), ArrayImgs
				.ints(4, 4), new StatisticsCalculator())).getMessage());
	}
}
