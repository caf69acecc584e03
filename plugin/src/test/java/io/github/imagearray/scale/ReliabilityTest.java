package io.github.imagearray.scale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.OvalRoi;
import io.github.imagearray.AtomicFiles;
import io.github.imagearray.ImageArray;
import io.github.imagearray.commands.DescribeCommand;
import io.github.imagearray.commands.StatisticsCommand;
import io.github.imagearray.plugins.DescribePlugin;
import io.github.imagearray.plugins.StatisticsPlugin;
import io.github.imagearray.stats.StatisticsCalculator;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandService;

/** Nothing lost, nothing changed, nothing leaked. */
class ReliabilityTest {

	@TempDir
	Path dir;

	private static byte[] hash(final ImagePlus imp) throws Exception {
		final MessageDigest md = MessageDigest.getInstance("SHA-256");
		for (int i = 1; i <= imp.getStackSize(); i++)
			for (final float v : (float[]) imp.getStack().getPixels(i))
				md.update(Integer.toString(Float.floatToRawIntBits(v)).getBytes(StandardCharsets.US_ASCII));
		return md.digest();
	}

	@Test
	void theInputIsBitIdenticalAfterEveryCommand() throws Exception {
		final ImageStack stack = new ImageStack(40, 30);
		final Random r = new Random(5);
		for (int z = 0; z < 4; z++) {
			final float[] p = new float[1200];
			for (int i = 0; i < p.length; i++)
				p[i] = r.nextInt(20) == 0 ? Float.NaN : (float) r.nextGaussian();
			stack.addSlice(null, p);
		}
		final ImagePlus imp = new ImagePlus("input", stack);
		imp.setRoi(new OvalRoi(3, 3, 30, 20));
		final byte[] before = hash(imp);
		StatisticsPlugin.process(imp, 0);
		DescribePlugin.process(imp, dir, "a");
		final Context context = new Context(CommandService.class);
		try {
			final CommandService commands = context.service(CommandService.class);
			commands.run(StatisticsCommand.class, true, "imp", imp, "bins", 7).get();
			commands.run(DescribeCommand.class, true, "imp", imp, "directory", dir.toFile(), "filename", "b").get();
		}
		finally {
			context.dispose();
		}
		final ImageArray<FloatType> array = new ImageArray<>(ArrayImgs.floats((float[]) stack.getPixels(1), 40, 30));
		array.calculateStatistics();
		array.describe(dir, "c");
		assertArrayEquals(before, hash(imp));
		assertTrue(Files.exists(dir.resolve("b.csv")));
	}

	@Test
	void concurrentWritersNeverLeaveAPartialFile() throws Exception {
		final Path target = dir.resolve("shared.csv");
		final String a = "a\n" + String.join("", Collections.nCopies(20000, "1,")) + "\n";
		final String b = "b\n" + String.join("", Collections.nCopies(30000, "2,")) + "\n";
		final AtomicBoolean running = new AtomicBoolean(true);
		final AtomicReference<String> bad = new AtomicReference<>();
		final AtomicInteger reads = new AtomicInteger();
		final Thread reader = new Thread(() -> {
			while (running.get()) {
				try {
					final String text = new String(Files.readAllBytes(target), StandardCharsets.UTF_8);
					reads.incrementAndGet();
					if (!text.equals(a) && !text.equals(b)) bad.set("partial file of " + text.length() + " chars");
				}
				catch (final NoSuchFileException e) {
					// not written yet
				}
				catch (final IOException e) {
					bad.set(e.toString());
				}
			}
		});
		reader.start();
		final Thread[] writers = new Thread[2];
		for (int w = 0; w < 2; w++) {
			final String text = w == 0 ? a : b;
			writers[w] = new Thread(() -> {
				for (int i = 0; i < 200; i++) {
					try {
						AtomicFiles.write(target, text);
					}
					catch (final IOException e) {
						bad.set(e.toString());
					}
				}
			});
			writers[w].start();
		}
		for (final Thread w : writers)
			w.join();
		running.set(false);
		reader.join();
		assertEquals(null, bad.get());
		assertTrue(reads.get() > 0);
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(1, files.count(), "no temporary file is left");
		}
	}

	@Test
	void thousandsOfRunsLeakNoThreadsAndNoMemory() {
		// two cursor spans: every run takes the multi-threaded path with its own thread pool
		final float[] pixels = new float[70_000];
		for (int i = 0; i < pixels.length; i++)
			pixels[i] = (i * 7919) % 1000;
		final StatisticsCalculator calculator = new StatisticsCalculator().threads(2);
		for (int i = 0; i < 200; i++)
			calculator.compute(Views.translate(ArrayImgs.floats(pixels, pixels.length), 3));
		final int threadsBefore = Thread.activeCount();
		final long heapBefore = usedHeap();
		for (int i = 0; i < 2000; i++)
			assertEquals(70_000, calculator.compute(Views.translate(ArrayImgs.floats(pixels, pixels.length), 3)).count());
		final long heapAfter = usedHeap();
		assertTrue(Thread.activeCount() <= threadsBefore + 2, Thread.activeCount() + " threads, " + threadsBefore +
			" before");
		assertTrue(heapAfter - heapBefore < 16 << 20, "heap grew by " + ((heapAfter - heapBefore) >> 20) + " MiB");
	}

	private static long usedHeap() {
		final Runtime rt = Runtime.getRuntime();
		for (int i = 0; i < 3; i++) {
			System.gc();
			try {
				Thread.sleep(50);
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		return rt.totalMemory() - rt.freeMemory();
	}
}
