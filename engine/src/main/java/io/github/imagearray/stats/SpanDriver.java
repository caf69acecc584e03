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
 * Runs one pass over spans of a {@link VoxelSource} on ImgLib2's current
 * {@link Parallelization#getTaskExecutor() task executor}: each worker thread owns one
 * {@link Accumulator}, spans are handed out in order from a shared counter, and at the end the
 * workers' accumulators are merged into one. Their sums are exact, so the result is the same with
 * any number of threads.
 * <p>
 * Interrupting the calling thread cancels the pass: every worker stops at its next span boundary
 * and the caller gets a {@link CancellationException} (its interrupt status kept). An exception in
 * a worker stops the others too and reaches the caller unwrapped.
 */
final class SpanDriver {

	static final String CANCELED = "Statistics computation was interrupted.";

	private SpanDriver() {
	}

	/**
	 * @param source the voxels
	 * @param firstSpan the first span to read
	 * @param endSpan the span after the last to read
	 * @param newAccumulator creates the accumulator of one worker thread
	 * @param progress receives the fraction of spans done, scaled to [{@code from}, {@code to}]
	 * @return the accumulator of all those spans
	 */
	static <A extends Accumulator<A>> A run(final VoxelSource source, final int firstSpan, final int endSpan,
		final Supplier<A> newAccumulator, final ProgressListener progress, final double from, final double to)
	{
		final TaskExecutor executor = Parallelization.getTaskExecutor();
		final int spans = endSpan - firstSpan;
		final int count = Math.max(1, Math.min(executor.getParallelism(), spans));
		final List<A> workers = new ArrayList<>(count);
		for (int i = 0; i < count; i++)
			workers.add(newAccumulator.get());
		final AtomicInteger next = new AtomicInteger();
		final AtomicInteger done = new AtomicInteger();
		final AtomicBoolean canceled = new AtomicBoolean();
		final Thread caller = Thread.currentThread();
		final ExecutorService service = executor.getExecutorService();
		final List<Future<?>> futures = new ArrayList<>(count);
		for (final A worker : workers)
			futures.add(service.submit(() -> {
				for (int span = next.getAndIncrement(); span < spans; span = next.getAndIncrement()) {
					if (canceled.get() || caller.isInterrupted()) {
						canceled.set(true);
						return;
					}
					worker.span(firstSpan + span, source.reader(firstSpan + span));
					progress.progress(from + (to - from) * done.incrementAndGet() / spans);
				}
			}));
		awaitAll(futures, canceled, caller);
		final A total = workers.get(0);
		for (final A worker : workers.subList(1, count))
			total.merge(worker);
		return total;
	}

	/**
	 * Waits for every worker, interruptibly: an interrupt stops every worker at its next span.
	 *
	 * @throws CancellationException when interrupted (the interrupt kept) or canceled
	 * @throws RuntimeException the first worker's failure, unwrapped
	 */
	private static void awaitAll(final List<Future<?>> futures, final AtomicBoolean canceled, final Thread caller) {
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
	}
}
