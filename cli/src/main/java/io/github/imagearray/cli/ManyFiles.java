package io.github.imagearray.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.imagearray.FileStatistics;
import io.github.imagearray.OneLine;
import io.github.imagearray.StatisticsJson;
import io.github.imagearray.io.ImageFiles;
import io.github.imagearray.io.OpenOptions;
import io.github.imagearray.io.OutOfHeapException;
import io.github.imagearray.stats.ProgressListener;
import io.github.imagearray.stats.StatisticsCalculator;
import io.github.imagearray.stats.ThreadsDoNotFitException;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;

/**
 * Many files measured in one run, each whole as {@code stats} measures one, their statistics handed
 * over in the order of the files whatever order they finish in.
 * <p>
 * Small volumes (up to {@link #SMALL_VOXELS}) run several at a time, one thread each, so that every
 * core is busy; a larger one waits until the others running have finished and runs alone on all
 * threads (the statistics are the same bits with one thread or many). A file is read only once it
 * has a core, so usually at most {@code threads} volumes are in memory; a large one holds its voxels
 * while it waits for the cores, and the core it gave back may let one more file in, so up to
 * {@code 2 * threads} when large volumes are read together. A file refused for too little memory is
 * read again alone, holding all the cores; refused again, it ends the run, as a broken file does
 * without {@code skipUnreadable}, but whatever that option. At most {@code 2 * threads} files are
 * between being started and being handed over, those done holding only their statistics: memory is
 * bounded by the threads and the largest volumes' working set, never by the number of files.
 * <p>
 * {@code new ManyFiles(new StatisticsCalculator(), 4, OpenOptions.NONE).measure(files, false, rows, skipped, ProgressListener.NONE);}
 */
final class ManyFiles {

	/** The voxels up to which a volume is measured on one thread, beside others: 4 Mi (128 x 128 x 256). */
	static final long SMALL_VOXELS = 1L << 22;

	/** Receives each file's statistics, as {@link StatisticsJson#of} gives them, in the order of the files. */
	@FunctionalInterface
	interface Rows {

		void measured(String file, long voxels, Map<String, Object> statistics) throws IOException;
	}

	/** Receives each file that could not be read and why (with --skip-unreadable), in the order of the files. */
	@FunctionalInterface
	interface Unreadable {

		void skipped(String file, String problem) throws IOException;
	}

	private final StatisticsCalculator calculator;
	private final int threads;
	private final OpenOptions options;

	/**
	 * @param calculator the statistics to compute (bins, percentiles); its threads are set per file
	 * @param threads the cores to keep busy, at least 1
	 * @param options how folders are read (pattern, series, warnings)
	 */
	ManyFiles(final StatisticsCalculator calculator, final int threads, final OpenOptions options) {
		this.calculator = calculator;
		this.threads = threads;
		this.options = options;
	}

	/**
	 * @param skipUnreadable whether a file that cannot be read goes to {@code unreadable}; if not, it ends the run
	 * @param progress told the fraction of the files done
	 * @throws IOException naming the first file that cannot be read, unless {@code skipUnreadable}; naming
	 *           the first file too large for the heap even measured alone, whatever {@code skipUnreadable}
	 */
	void measure(final List<String> files, final boolean skipUnreadable, final Rows rows, final Unreadable unreadable,
		final ProgressListener progress) throws IOException
	{
		final Semaphore cores = new Semaphore(threads, true);
		final AtomicInteger started = new AtomicInteger();
		final ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
			final Thread t = new Thread(task, "imagearray-file-" + started.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
		final Deque<Future<FileStatistics>> pending = new ArrayDeque<>();
		try {
			int next = 0;
			for (int done = 0; done < files.size(); done++) {
				while (next < files.size() && pending.size() < 2 * threads) {
					final String file = files.get(next++);
					pending.add(pool.submit(() -> measure(file, cores)));
				}
				final FileStatistics r = result(pending.poll());
				if (r.problem == null) rows.measured(r.file, r.voxels, r.statistics);
				else if (skipUnreadable) unreadable.skipped(r.file, r.problem);
				else throw new IOException(named(r.file, r.problem) + " (--skip-unreadable lists such files and goes on)");
				progress.progress((done + 1.0) / files.size());
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** @return the problem, beginning with the file's name unless it names the file already */
	static String named(final String file, final String problem) {
		return problem.contains(file) ? problem : file + ": " + problem;
	}

	/**
	 * @throws IOException naming the file when the heap cannot hold it even read alone; what fits
	 *           beside the other volumes in memory may fit alone, so it ends the run only then
	 */
	private FileStatistics measure(final String file, final Semaphore cores) throws InterruptedException,
		IOException
	{
		try {
			return measure(file, cores, false);
		}
		catch (final OutOfHeapException | ThreadsDoNotFitException e) {
			if (threads == 1) throw new IOException(named(file, OneLine.reason(e)), e);
		}
		try {
			return measure(file, cores, true);
		}
		catch (final OutOfHeapException | ThreadsDoNotFitException e) {
			throw new IOException(named(file, OneLine.reason(e)), e);
		}
	}

	/**
	 * @param alone whether to hold all the cores while reading it, so that no other file is read meanwhile
	 * @return its statistics, or why it cannot be read
	 * @throws OutOfHeapException when the heap cannot hold it now
	 * @throws ThreadsDoNotFitException when the heap cannot hold the threads' working memory now
	 */
	private FileStatistics measure(final String file, final Semaphore cores, final boolean alone)
		throws InterruptedException, OutOfHeapException
	{
		int held = alone ? threads : 1;
		cores.acquire(held);
		try {
			final RandomAccessibleInterval<? extends RealType<?>> image = ImageFiles.read(Paths.get(file), options)
				.image();
			final long voxels = Intervals.numElements(image);
			int use = 1;
			if (voxels > SMALL_VOXELS && threads > 1) {
				if (held < threads) {
					// the core is given back before waiting for all of them, so that two large files never
					// wait for each other; the fair semaphore lets no later file start meanwhile
					cores.release(held);
					held = 0;
					cores.acquire(threads);
					held = threads;
				}
				use = threads;
			}
			return new FileStatistics(file, voxels, StatisticsJson.of(calculator.threads(use).compute(image)), null);
		}
		catch (final OutOfHeapException | ThreadsDoNotFitException e) {
			throw e;
		}
		catch (final IOException | IllegalArgumentException e) {
			return new FileStatistics(file, 0, null, OneLine.reason(e));
		}
		catch (final UncheckedIOException e) {
			// a reader that reads planes on demand meets a broken one while measuring
			if (e.getCause() instanceof OutOfHeapException) throw (OutOfHeapException) e.getCause();
			return new FileStatistics(file, 0, null, OneLine.reason(e.getCause()));
		}
		finally {
			cores.release(held);
		}
	}

	private static FileStatistics result(final Future<FileStatistics> future) throws IOException {
		try {
			return future.get();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", e);
		}
		catch (final ExecutionException e) {
			final Throwable cause = e.getCause();
			if (cause instanceof Error) throw (Error) cause;
			if (cause instanceof RuntimeException) throw (RuntimeException) cause;
			throw new IOException(OneLine.reason(cause), cause);
		}
	}
}
