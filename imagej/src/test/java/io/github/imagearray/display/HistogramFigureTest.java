package io.github.imagearray.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;

import org.junit.jupiter.api.Test;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.process.ImageProcessor;
import io.github.imagearray.stats.Statistics;
import io.github.imagearray.stats.StatisticsCalculator;
import net.imglib2.img.array.ArrayImgs;

class HistogramFigureTest {

	@Test
	void theStatisticsTextHidesNoBar() {
		// the tallest bars at both ends, under where each column of text is written
		final float[] v = new float[20_000];
		for (int i = 0; i < v.length; i++)
			v[i] = i % 3 == 0 ? 0 : i % 3 == 1 ? 100 : i % 100;
		final Statistics s = new StatisticsCalculator().bins(50).compute(ArrayImgs.floats(v, v.length));
		final ImagePlus figure = HistogramFigure.render(s, "spikes");
		final Plot plot = (Plot) figure.getProperty(Plot.PROPERTY_KEY);
		final Rectangle frame = plot.getDrawingFrame();
		final ImageProcessor ip = figure.getProcessor();
		final int bar = 0x7570b3;
		int barPixels = 0, textPixels = 0, textPixelsOnBars = 0;
		for (int y = frame.y + 1; y < frame.y + frame.height; y++)
			for (int x = frame.x + 1; x < frame.x + frame.width; x++) {
				final int rgb = ip.getPixel(x, y) & 0xffffff;
				final boolean inTextBand = y < frame.y + frame.height * 0.27;
				if (rgb == bar) {
					barPixels++;
					if (inTextBand) textPixelsOnBars++;
				}
				else if (inTextBand && (rgb & 0xff) < 0x60 && (rgb >> 16) < 0x60) textPixels++;
			}
		assertTrue(barPixels > 1000, "bars drawn: " + barPixels);
		assertTrue(textPixels > 200, "statistics written: " + textPixels);
		assertEquals(0, textPixelsOnBars, "no bar reaches the band of the statistics text");
	}
}
