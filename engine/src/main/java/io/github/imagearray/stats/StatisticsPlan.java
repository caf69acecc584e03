package io.github.imagearray.stats;

import java.io.DataInput;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.LongToDoubleFunction;
import java.util.function.Supplier;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.BooleanType;
import net.imglib2.type.numeric.RealType;

/**
 * The passes over an image that its exact {@link Statistics} take, for a caller that drives them
 * itself: over parts of an image, in several processes or on several machines. Each pass gathers
 * {@link PartialStatistics} of every part ({@link #accumulate}); their {@link PartialStatistics#merge
 * merge} over the whole image then {@link #advance advances} the plan to its next pass.
 * <ul>
 * <li>8- and 16-bit integers: one pass, counts by value.</li>
 * <li>Other types: a first pass (counts, extremes, sum, first digits of the ranks), a second pass
 * configured by the merged first (power sums about the mean, histogram, next digits of the ranks),
 * and for 64-bit types at most two narrowing passes more, rarely needed.</li>
 * </ul>
 * A plan travels as bytes ({@link #toBytes}, {@link #fromBytes}) to where the parts are read; the
 * result does not depend on how the image is split into spans or on the order of merging, and
 * equals {@link StatisticsCalculator#compute} bit for bit when the parts are span ranges of the
 * image.
 * <pre>{@code
 * StatisticsPlan plan = new StatisticsCalculator().plan(image);
 * int spans = StatisticsPlan.spanCount(image);
 * while (!plan.isDone()) {
 *     PartialStatistics all = plan.accumulate(image, 0, spans / 2);
 *     all.merge(PartialStatistics.fromBytes(plan.accumulate(image, spans / 2, spans).toBytes()));
 *     plan.advance(all);
 * }
 * Statistics statistics = plan.statistics();
 * }</pre>
 * Not thread-safe: one caller drives a plan; {@link #accumulate} itself runs on ImgLib2's current
 * {@link Parallelization} executor.
 */
public final class StatisticsPlan {

	private static final int CONTENT = 1;

	private final PixelKind kind;
	/** The voxels of the whole image, a mask not applied: what the passes are sized for. */
	private final long size;
	/** The histogram bins asked for, 0 for automatic. */
	private final int bins;
	/** With automatic bins, integer images get one bin per value up to this many values. */
	private final int integerBins;
	private final boolean countValues;
	/** The percentiles wanted, sorted. */
	private final double[] percentiles;
	/** The values the stored ones stand for (with counted values only), or null. */
	private final ValueTable table;
	/** Small images are ranked by sorting their keys, large ones by radix selection. */
	private final boolean sort;
	private int pass;
	private boolean done;
	private ValueCounts valueCounts;
	private FirstPassSums first;
	private RankSelector selector;
	private SecondPassSums second;
	/** The second pass's setup, which follows from the merged first pass. */
	private SecondPassSetup setup;

	StatisticsPlan(final PixelKind kind, final long size, final int bins, final int integerBins,
		final boolean countValues, final double[] percentiles, final ValueTable table)
	{
		this.percentiles = percentiles;
		this.table = table;
		this.kind = kind;
		this.size = size;
		this.bins = bins;
		this.integerBins = integerBins;
		this.countValues = countValues;
		this.sort = size <= KeyCollector.LIMIT;
	}

	/** @return the number of spans that {@link #accumulate(RandomAccessibleInterval, int, int)} takes */
	public static int spanCount(final RandomAccessibleInterval<? extends RealType<?>> image) {
		return VoxelSource.of(image).spanCount();
	}

	/** @return the pass to run next, counted from 0 */
	public int pass() {
		return pass;
	}

	/** @return the most passes this plan can take */
	public int maxPasses() {
		// every plan that does not count values has a second pass, even where the first digit is the key
		return countValues ? 1 : Math.max(2, RankSelector.maxPasses(kind.keyBits()));
	}

	/** @return whether every pass has been run and {@link #statistics()} can be had */
	public boolean isDone() {
		return done;
	}

	/**
	 * Runs the current pass over all of {@code part}: the whole image, or any part of it (a
	 * sub-interval, a slab read on its own).
	 *
	 * @return what the pass gathered there
	 * @throws IllegalArgumentException when the part's pixel type differs from the plan's or the
	 *           plan is done
	 */
	public PartialStatistics accumulate(final RandomAccessibleInterval<? extends RealType<?>> part) {
		final VoxelSource source = VoxelSource.of(part);
		return accumulate(source, 0, source.spanCount(), ProgressListener.NONE);
	}

	/**
	 * Runs the current pass over spans [{@code firstSpan}, {@code endSpan}) of {@code image}.
	 *
	 * @throws IllegalArgumentException for spans outside [0, {@link #spanCount}] or in the wrong order
	 */
	public PartialStatistics accumulate(final RandomAccessibleInterval<? extends RealType<?>> image,
		final int firstSpan, final int endSpan)
	{
		return accumulate(VoxelSource.of(image), firstSpan, endSpan);
	}

	/**
	 * Runs the current pass over the voxels of spans [{@code firstSpan}, {@code endSpan}) of
	 * {@code image} where {@code mask} is true; the spans are those of the image alone.
	 * <pre>{@code PartialStatistics inside = plan.accumulate(image, mask, 0, StatisticsPlan.spanCount(image));}</pre>
	 *
	 * @param mask of the image's size; its position in space does not matter, only its iteration order
	 * @throws IllegalArgumentException for a mask of another size, or spans outside [0,
	 *           {@link #spanCount}] or in the wrong order
	 */
	public PartialStatistics accumulate(final RandomAccessibleInterval<? extends RealType<?>> image,
		final RandomAccessibleInterval<? extends BooleanType<?>> mask, final int firstSpan, final int endSpan)
	{
		return accumulate(VoxelSource.of(image, mask), firstSpan, endSpan);
	}

	private PartialStatistics accumulate(final VoxelSource source, final int firstSpan, final int endSpan) {
		if (firstSpan < 0 || endSpan < firstSpan || endSpan > source.spanCount()) throw new IllegalArgumentException(
			"Spans " + firstSpan + " to " + endSpan + " are not a range within the image's 0 to " + source.spanCount() +
				".");
		return accumulate(source, firstSpan, endSpan, ProgressListener.NONE);
	}

	/** @param progress receives the fraction of all passes done */
	PartialStatistics accumulate(final VoxelSource source, final int firstSpan, final int endSpan,
		final ProgressListener progress)
	{
		checkNotDone();
		if (source.kind() != kind) throw new IllegalArgumentException("The image holds " + source.kind() +
			" voxels, but the plan is for " + kind + ".");
		if (source.size() > size) throw new IllegalArgumentException("The image has " + source.size() +
			" voxels, but the plan is for at most " + size + ".");
		final Accumulator<?> gathered;
		if (countValues) gathered = run(source, firstSpan, endSpan, () -> new ValueCounts(kind), progress);
		// small images never use their first digit counts: the smallest table, nothing to set up
		else if (pass == 0) gathered = run(source, firstSpan, endSpan, () -> new FirstPassSums(kind, sort ? 1
			: RankSelector.firstDigitBits(kind.keyBits()), sort ? new KeyCollector(size) : null), progress);
		else if (pass == 1) gathered = run(source, firstSpan, endSpan, () -> setup.newSums(kind, setup.refine ? selector
			.newCounts(kind) : null, first.nonFiniteSpans), progress);
		else gathered = run(source, firstSpan, endSpan, () -> selector.newCounts(kind), progress);
		return new PartialStatistics(pass, gathered);
	}

	private <A extends Accumulator<A>> A run(final VoxelSource source, final int firstSpan, final int endSpan,
		final Supplier<A> newAccumulator, final ProgressListener progress)
	{
		return SpanDriver.run(source, firstSpan, endSpan, newAccumulator, progress, (double) pass / maxPasses(),
			(pass + 1.0) / maxPasses());
	}

	/**
	 * Takes what the current pass gathered over the whole image and moves to the next pass.
	 *
	 * @param all the merge of the current pass's partial statistics of every part of the image
	 * @throws IllegalArgumentException when they come from another pass or plan
	 */
	public void advance(final PartialStatistics all) {
		checkNotDone();
		if (all.pass() != pass) throw new IllegalArgumentException("Partial statistics of pass " + all.pass() +
			" cannot advance pass " + pass + ".");
		final Accumulator<?> merged = all.accumulator();
		if (countValues) valueCounts = as(ValueCounts.class, merged);
		else if (pass == 0) takeFirst(as(FirstPassSums.class, merged));
		else if (pass == 1) {
			second = as(SecondPassSums.class, merged);
			if (setup.refine) {
				second.settleHotDigits(setup.open);
				selector.advance(second.digits());
			}
		}
		else selector.advance(as(RankSelector.DigitCounts.class, merged));
		pass++;
		done = countValues || pass >= 2 && (sort || selector.isDone());
	}

	private void checkNotDone() {
		if (done) throw new IllegalArgumentException("The plan is done: its statistics are ready.");
	}

	private <A> A as(final Class<A> type, final Accumulator<?> accumulator) {
		if (!type.isInstance(accumulator)) throw new IllegalArgumentException("Pass " + pass +
			" needs other partial statistics.");
		return type.cast(accumulator);
	}

	private void takeFirst(final FirstPassSums merged) {
		first = merged;
		selector = new RankSelector(kind.keyBits());
		if (!sort) {
			selector.select(Quantiles.ranks(first.count(), percentiles));
			selector.advanceTop(first.topDigits());
		}
		setup = new SecondPassSetup(kind, first, binning(first), !selector.isDone(), selector, size);
	}

	/**
	 * @return the statistics of the whole image
	 * @throws IllegalStateException before the last pass
	 */
	public Statistics statistics() {
		if (!done) throw new IllegalStateException("Pass " + pass + " of the plan has not been run yet.");
		if (countValues) return valueCounts.statistics(this::binning, percentiles, table);
		final long[] sortedKeys = sort ? first.keys.sorted(kind.keyBits()) : null;
		final LongToDoubleFunction valueOfRank = sort ? rank -> OrderKeys.value(kind, sortedKeys[(int) rank])
			: rank -> OrderKeys.value(kind, selector.key(rank));
		return Statistics.of(first, second.moments(), percentiles, valueOfRank, second.histogram(setup.binning));
	}

	/** @return the histogram's bins for voxels of these first-pass sums, with the bins asked for */
	private HistogramBinning binning(final FirstPassSums sums) {
		if (sums.finite == 0) return new HistogramBinning(bins > 0 ? bins : 1, 0, 1);
		final int n;
		if (bins > 0) n = bins;
		else if (!(table == null ? kind.isInteger() : table.wholeNumbers())) n = StatisticsCalculator.DEFAULT_FLOAT_BINS;
		else n = (int) Math.min(integerBins, sums.finiteMax - sums.finiteMin + 1);
		return new HistogramBinning(n, sums.finiteMin, sums.finiteMax);
	}

	/** @return the serialized form, for {@link #fromBytes}: settings, pass and what earlier passes found */
	public byte[] toBytes() {
		return BinaryForm.bytes(CONTENT, out -> {
			out.writeByte(kind.ordinal());
			out.writeLong(size);
			out.writeInt(bins);
			out.writeInt(integerBins);
			out.writeBoolean(countValues);
			out.writeInt(percentiles.length);
			for (final double p : percentiles)
				out.writeDouble(p);
			out.writeBoolean(table != null);
			if (table != null) table.write(out);
			out.writeByte(pass);
			out.writeBoolean(done);
			for (final Accumulator<?> found : new Accumulator<?>[] { valueCounts, first, second }) {
				out.writeBoolean(found != null);
				if (found != null) found.write(out);
			}
			out.writeBoolean(selector != null);
			if (selector != null) selector.write(out);
		});
	}

	/**
	 * @param bytes the form {@link #toBytes} wrote
	 * @return the plan it holds, at the same pass
	 * @throws IllegalArgumentException when the bytes are not such a form, naming what is wrong
	 */
	public static StatisticsPlan fromBytes(final byte[] bytes) {
		return BinaryForm.read(bytes, CONTENT, "a statistics plan", in -> {
			final PixelKind kind = BinaryForm.readKind(in);
			final long size = BinaryForm.count(in.readLong(), "voxels");
			final int bins = in.readInt(), integerBins = in.readInt();
			if (bins < 0 || bins > StatisticsCalculator.MAX_BINS || integerBins < 1 ||
				integerBins > StatisticsCalculator.MAX_DEFAULT_INTEGER_BINS) throw new IOException("Bins " + bins +
					" or automatic integer bins " + integerBins + " out of range.");
			final boolean countValues = in.readBoolean();
			final double[] percentiles = new double[BinaryForm.length(in, Quantiles.MAX_PERCENTILES, "percentiles")];
			for (int i = 0; i < percentiles.length; i++)
				percentiles[i] = in.readDouble();
			if (!Arrays.equals(percentiles, Quantiles.withDefaults(percentiles))) throw new IOException(
				"Percentiles " + Arrays.toString(percentiles) + " are not a sorted set of 0 to 100 with the defaults.");
			final ValueTable table = in.readBoolean() ? ValueTable.read(in) : null;
			if (table != null && (table.kind() != kind || !countValues)) throw new IOException("A value table of " + table
				.kind() + " values in a plan for " + kind + " voxels" + (countValues ? "." : " that counts no values."));
			final StatisticsPlan plan = new StatisticsPlan(kind, size, bins, integerBins, countValues, percentiles,
				table);
			plan.pass = in.readUnsignedByte();
			plan.done = in.readBoolean();
			if (plan.pass > plan.maxPasses() || plan.countValues && !kind.isSmallInteger()) throw new IOException("Pass " +
				plan.pass + " of a plan of at most " + plan.maxPasses() + " for " + kind + " voxels.");
			plan.valueCounts = in.readBoolean() ? ValueCounts.read(in) : null;
			final FirstPassSums first = in.readBoolean() ? FirstPassSums.read(in) : null;
			plan.second = in.readBoolean() ? SecondPassSums.read(in) : null;
			plan.readSelector(in, first);
			if (plan.done && (plan.countValues ? plan.valueCounts == null : plan.second == null) || !plan.countValues &&
				plan.pass >= 2 && plan.second == null) throw new IOException("Pass " + plan.pass + (plan.done
					? " of a finished plan" : "") + " without what the pass before it found.");
			return plan;
		});
	}

	/** Reads the rank selection and sets up the second pass from the first, as {@link #takeFirst} did. */
	private void readSelector(final DataInput in, final FirstPassSums firstSums) throws IOException {
		final RankSelector read = in.readBoolean() ? RankSelector.read(in) : null;
		if ((pass > 0 && !countValues) != (firstSums != null && read != null)) throw new IOException("Pass " + pass +
			" of a plan without what the first pass found.");
		if (firstSums == null) return;
		takeFirst(firstSums);
		selector = read;
	}
}
