package io.github.imagearray.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;

import net.imglib2.FinalInterval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.position.FunctionRandomAccessible;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Test;

/** Interrupting the computing thread stops the work promptly, with one or many threads. */
class CancellationTest {

	/** 2·10^8 voxels computed from their position: far more work than the test waits for. */
	private static RandomAccessibleInterval<FloatType> procedural() {
		return Views.interval(new FunctionRandomAccessible<>(3, (position, value) -> value.set(position
			.getFloatPosition(0) * 0.5f + position.getFloatPosition(2)), FloatType::new), new FinalInterval(1000, 1000,
				200));
	}

	@Test
	void interruptingStopsWithinASecond() throws InterruptedException {
		for (final int threads : new int[] { 1, 2 }) {
			final AtomicReference<Throwable> thrown = new AtomicReference<>();
			final Thread worker = new Thread(() -> {
				try {
					new StatisticsCalculator().threads(threads).compute(procedural());
				}
				catch (final Throwable t) {
					thrown.set(t);
				}
			});
			worker.start();
			Thread.sleep(300);
			final long interrupted = System.nanoTime();
			worker.interrupt();
			worker.join(5000);
			final double seconds = (System.nanoTime() - interrupted) * 1e-9;
			assertTrue(!worker.isAlive(), threads + " threads: still running after 5 s at " + Arrays.toString(worker.getStackTrace()).replace(", ", "\n"));
			assertTrue(thrown.get() instanceof CancellationException, String.valueOf(thrown.get()));
			assertTrue(seconds < 1, "stopped after " + seconds + " s");
		}
		// and the calculator still works afterwards
		assertEquals(6, new StatisticsCalculator().compute(Views.interval(procedural(), new FinalInterval(3, 2, 1)))
			.count());
	}
}
