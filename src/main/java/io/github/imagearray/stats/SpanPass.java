package io.github.imagearray.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import net.imglib2.parallel.Parallelization;
import net.imglib2.parallel.TaskExecutor;

/**
 * One pass over all spans of a {@link VoxelSource} on ImgLib2's current
 * {@link Parallelization#getTaskExecutor() task executor}. Each worker thread owns one
 * {@link Worker}; spans are handed out in order from a shared counter. Workers record results
 * that depend on the order of floating-point additions per span, so that the caller can merge
 * them in span order and get the same result with any number of threads.
 * <p>
 * Interrupting the calling thread cancels the pass: every worker stops at its next span boundary
 * and the caller gets a {@link CancellationException} (its interrupt status kept). An exception in
 * a worker stops the others too and reaches the caller unwrapped.
 */
final class SpanPass {

	/** The state of one worker thread. */
	interface Worker {

		/** Processes span {@code index}, read by {@code reader}. */
		void span(int index, SpanReader reader);
	}

	static final String CANCELED = "Statistics computation was interrupted.";

	private SpanPass() {
	}

	/**
	 * @param source the voxels
	 * @param newWorker creates the state of one worker thread
	 * @param progress receives the fraction of spans done, scaled to [{@code from}, {@code to}]
	 * @return the workers, for the caller to merge
	 */
	static <W extends Worker> List<W> run(final VoxelSource source, final Supplier<W> newWorker,
		final ProgressListener progress, final double from, final double to)
	{
		final TaskExecutor executor = Parallelization.getTaskExecutor();
		final int spans = source.spanCount();
		final int count = Math.max(1, Math.min(executor.getParallelism(), spans));
		final List<W> workers = new ArrayList<>(count);
		for (int i = 0; i < count; i++)
			workers.add(newWorker.get());
		final AtomicInteger next = new AtomicInteger();
		final AtomicInteger done = new AtomicInteger();
		final AtomicBoolean canceled = new AtomicBoolean();
		final Thread caller = Thread.currentThread();
		final ExecutorService service = executor.getExecutorService();
		final List<Future<?>> futures = new ArrayList<>(count);
		for (final W worker : workers)
			futures.add(service.submit(() -> {
				for (int span = next.getAndIncrement(); span < spans; span = next.getAndIncrement()) {
					if (canceled.get() || caller.isInterrupted()) {
						canceled.set(true);
						return;
					}
					worker.span(span, source.reader(span));
					progress.progress(from + (to - from) * done.incrementAndGet() / spans);
				}
			}));
		// wait interruptibly: an interrupt stops every worker at its next span
		boolean interrupted = false;
		Throwable failure = null;
		for (final Future<?> future : futures) {
			while (true) {
				try {
					future.get();
					break;
				}
				catch (final InterruptedException e) {
					interrupted = true;
					canceled.set(true);
				}
				catch (final ExecutionException e) {
					canceled.set(true);
					if (failure == null) failure = e.getCause();
					break;
				}
			}
		}
		if (interrupted) caller.interrupt();
		if (failure instanceof Error) throw (Error) failure;
		if (failure instanceof RuntimeException) throw (RuntimeException) failure;
		if (failure != null) throw new IllegalStateException(failure);
		if (canceled.get() || caller.isInterrupted()) throw new CancellationException(CANCELED);
		return workers;
	}
}
