package io.github.imagearray.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.LongToDoubleFunction;

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
 * <li>8- and 16-bit integers: one pass, value counts.</li>
 * <li>Other types: a first pass (counts, extremes, sum, first digits of the ranks), a second pass
 * configured by the merged first (power sums about the centre, histogram, next digits of the ranks),
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
	private final double[] levels;
	/** The values the stored ones stand for (with counted values only), or null. */
	private final ValueTable table;
	/** Small images are ranked by sorting their keys, large ones by radix selection. */
	private final boolean sort;
	/** The pass to run next, or the finish once every pass has run. */
	private Stage stage;

	StatisticsPlan(final PixelKind kind, final long size, final int bins, final int integerBins,
		final boolean countValues, final double[] levels, final ValueTable table)
	{
		this.levels = levels;
		this.table = table;
		this.kind = kind;
		this.size = size;
		this.bins = bins;
		this.integerBins = integerBins;
		this.countValues = countValues;
		this.sort = size <= KeyCollector.LIMIT;
		this.stage = countValues ? new ValueCountPass(0) : new FirstPass();
	}

	/** @return the number of spans that {@link #accumulate(RandomAccessibleInterval, int, int)} takes */
	public static int spanCount(final RandomAccessibleInterval<? extends RealType<?>> image) {
		return VoxelSource.of(image).spanCount();
	}

	/** @return the pass to run next, counted from 0 */
	public int pass() {
		return stage.number();
	}

	/** @return the most passes this plan can take */
	public int maxPasses() {
		// every plan that does not count values has a second pass, even where the first digit is the key
		return countValues ? 1 : Math.max(2, RankSelector.maxPasses(kind.keyBits()));
	}

	/** @return whether every pass has been run and {@link #statistics()} can be had */
	public boolean isDone() {
		return stage instanceof Finish;
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
		final Pass<?> pass = (Pass<?>) stage;
		return new PartialStatistics(pass.number(), run(pass, source, firstSpan, endSpan, progress));
	}

	private <A extends Accumulator<A>> A run(final Pass<A> pass, final VoxelSource source, final int firstSpan,
		final int endSpan, final ProgressListener progress)
	{
		return SpanDriver.run(source, firstSpan, endSpan, pass::newAccumulator, progress, (double) pass.number() /
			maxPasses(), (pass.number() + 1.0) / maxPasses());
	}

	/**
	 * Takes what the current pass gathered over the whole image and moves to the next pass.
	 *
	 * @param all the merge of the current pass's partial statistics of every part of the image
	 * @throws IllegalArgumentException when they come from another pass or plan
	 */
	public void advance(final PartialStatistics all) {
		checkNotDone();
		if (all.pass() != stage.number()) throw new IllegalArgumentException("Partial statistics of pass " + all
			.pass() + " cannot advance pass " + stage.number() + ".");
		stage = ((Pass<?>) stage).advance(all.accumulator());
	}

	private void checkNotDone() {
		if (isDone()) throw new IllegalArgumentException("The plan is done: its statistics are ready.");
	}

	/**
	 * @return the statistics of the whole image
	 * @throws IllegalStateException before the last pass
	 */
	public Statistics statistics() {
		if (!isDone()) throw new IllegalStateException("Pass " + stage.number() + " of the plan has not been run yet.");
		return ((Finish) stage).statistics();
	}

	/** @return the histogram's bins for voxels of these first-pass sums, with the bins asked for */
	private HistogramBinning binning(final FirstPassSums sums) {
		if (sums.finite() == 0) return new HistogramBinning(bins > 0 ? bins : 1, 0, 1);
		final int n;
		if (bins > 0) n = bins;
		else if (!(table == null ? kind.isInteger() : table.wholeNumbers())) n = StatisticsCalculator.DEFAULT_FLOAT_BINS;
		else n = (int) Math.min(integerBins, sums.finiteMax() - sums.finiteMin() + 1);
		return new HistogramBinning(n, sums.finiteMin(), sums.finiteMax());
	}

	/**
	 * @return the rank selection after the first pass: the wanted ranks narrowed to their first digit,
	 *         or none for a small image, whose ranks come from its sorted keys
	 */
	private RankSelector selectionAfter(final FirstPassSums first) {
		final RankSelector selector = new RankSelector(kind.keyBits());
		if (!sort) {
			selector.select(Quantiles.ranks(first.nonNaN(), levels));
			selector.advanceFirstDigit(first.firstDigits());
		}
		return selector;
	}

	/** @return the second pass's setup, which follows from the first pass and the selection after it */
	private SecondPassSetup setUp(final FirstPassSums first, final RankSelector selector) {
		return new SecondPassSetup(kind, first, binning(first), selector, size);
	}

	/** @return the serialized form, for {@link #fromBytes}: settings, pass and what earlier passes found */
	public byte[] toBytes() {
		return BinaryForm.bytes(CONTENT, out -> {
			out.writeByte(kind.ordinal());
			out.writeLong(size);
			out.writeInt(bins);
			out.writeInt(integerBins);
			out.writeBoolean(countValues);
			out.writeInt(levels.length);
			for (final double p : levels)
				out.writeDouble(p);
			out.writeBoolean(table != null);
			if (table != null) table.write(out);
			out.writeByte(stage.number());
			out.writeBoolean(isDone());
			stage.write(out);
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
			final double[] levels = new double[BinaryForm.length(in, Quantiles.MAX_PERCENTILES, "percentiles")];
			for (int i = 0; i < levels.length; i++)
				levels[i] = in.readDouble();
			if (!Arrays.equals(levels, Quantiles.withDefaults(levels))) throw new IOException(
				"Percentiles " + Arrays.toString(levels) + " are not a sorted set of 0 to 100 with the defaults.");
			final ValueTable table = in.readBoolean() ? ValueTable.read(in) : null;
			if (table != null && (table.kind() != kind || !countValues)) throw new IOException("A value table of " + table
				.kind() + " values in a plan for " + kind + " voxels" + (countValues ? "." : " that counts no values."));
			final StatisticsPlan plan = new StatisticsPlan(kind, size, bins, integerBins, countValues, levels,
				table);
			plan.stage = plan.readStage(in);
			return plan;
		});
	}

	/**
	 * Reads the pass, whether the plan is done and what earlier passes found, and sets up the second
	 * pass from the first as {@link FirstPass#next} did.
	 */
	private Stage readStage(final DataInput in) throws IOException {
		final int pass = in.readUnsignedByte();
		final boolean done = in.readBoolean();
		if (pass > maxPasses() || countValues && !kind.isSmallInteger()) throw new IOException("Pass " + pass +
			" of a plan of at most " + maxPasses() + " for " + kind + " voxels.");
		final ValueCounts valueCounts = in.readBoolean() ? ValueCounts.read(in) : null;
		final FirstPassSums first = in.readBoolean() ? FirstPassSums.read(in) : null;
		final SecondPassSums second = in.readBoolean() ? SecondPassSums.read(in) : null;
		final RankSelector selector = in.readBoolean() ? RankSelector.read(in) : null;
		if ((pass > 0 && !countValues) != (first != null && selector != null)) throw new IOException("Pass " + pass +
			" of a plan without what the first pass found.");
		// the setup follows from the selection right after the first pass, which the one read has passed
		final SecondPassSetup setup = first == null || countValues ? null : setUp(first, selectionAfter(first));
		if (done && (countValues ? valueCounts == null : second == null || first == null) || !countValues &&
			pass >= 2 && second == null) throw new IOException("Pass " + pass + (done ? " of a finished plan" : "") +
				" without what the pass before it found.");
		if (countValues) return done ? new FinishFromValueCounts(pass, valueCounts) : new ValueCountPass(pass);
		if (done) return new FinishFromSums(pass, first, second, selector, setup.binning());
		if (pass == 0) return new FirstPass();
		if (pass == 1) return new SecondPass(first, selector, setup);
		return new NarrowingPass(pass, first, second, selector, setup.binning());
	}

	/** Writes what earlier passes found, each or its absence, in the order {@link #readStage} reads them. */
	private static void writeFound(final DataOutput out, final ValueCounts valueCounts, final FirstPassSums first,
		final SecondPassSums second, final RankSelector selector) throws IOException
	{
		for (final Accumulator<?> found : new Accumulator<?>[] { valueCounts, first, second }) {
			out.writeBoolean(found != null);
			if (found != null) found.write(out);
		}
		out.writeBoolean(selector != null);
		if (selector != null) selector.write(out);
	}

	/** Where a plan stands: at a pass to run, or at its finish. */
	private abstract static class Stage {

		private final int number;

		Stage(final int number) {
			this.number = number;
		}

		/** @return the pass to run next, counted from 0: at the finish, the number of passes run */
		final int number() {
			return number;
		}

		/** Writes what the passes before this stage found, for {@link #readStage}. */
		abstract void write(DataOutput out) throws IOException;
	}

	/**
	 * One pass: what each worker gathers over its spans, and the stage that follows from what all of
	 * them gathered.
	 *
	 * @param <A> the accumulator of the pass
	 */
	private abstract static class Pass<A extends Accumulator<A>> extends Stage {

		private final Class<A> gathers;

		Pass(final int number, final Class<A> gathers) {
			super(number);
			this.gathers = gathers;
		}

		/** @return the accumulator of one worker */
		abstract A newAccumulator();

		/**
		 * @param all what this pass gathered over the whole image
		 * @return the next pass, or the finish
		 * @throws IllegalArgumentException when another pass gathered it
		 */
		final Stage advance(final Accumulator<?> all) {
			if (!gathers.isInstance(all)) throw new IllegalArgumentException("Pass " + number() +
				" needs other partial statistics.");
			return next(gathers.cast(all));
		}

		/** @return the next pass, or the finish, given what this pass gathered over the whole image */
		abstract Stage next(A all);
	}

	/** The plan is done: its statistics follow from what the passes found. */
	private abstract static class Finish extends Stage {

		Finish(final int passes) {
			super(passes);
		}

		abstract Statistics statistics();
	}

	/** The one pass of 8- and 16-bit integers: value counts. */
	private final class ValueCountPass extends Pass<ValueCounts> {

		ValueCountPass(final int number) {
			super(number, ValueCounts.class);
		}

		@Override
		ValueCounts newAccumulator() {
			return new ValueCounts(kind);
		}

		@Override
		Stage next(final ValueCounts all) {
			return new FinishFromValueCounts(number() + 1, all);
		}

		@Override
		void write(final DataOutput out) throws IOException {
			writeFound(out, null, null, null, null);
		}
	}

	/** Every statistic from the value counts. */
	private final class FinishFromValueCounts extends Finish {

		private final ValueCounts valueCounts;

		FinishFromValueCounts(final int passes, final ValueCounts valueCounts) {
			super(passes);
			this.valueCounts = valueCounts;
		}

		@Override
		Statistics statistics() {
			return valueCounts.statistics(StatisticsPlan.this::binning, levels, table);
		}

		@Override
		void write(final DataOutput out) throws IOException {
			writeFound(out, valueCounts, null, null, null);
		}
	}

	/**
	 * The first pass: counts, extremes, the sum and the first digits; for a small image every key,
	 * and first digits one bit wide, unused, the smallest table.
	 */
	private final class FirstPass extends Pass<FirstPassSums> {

		FirstPass() {
			super(0, FirstPassSums.class);
		}

		@Override
		FirstPassSums newAccumulator() {
			return new FirstPassSums(kind, sort ? 1 : RankSelector.firstDigitBits(kind.keyBits()), sort
				? new KeyCollector(size) : null);
		}

		@Override
		Stage next(final FirstPassSums all) {
			final RankSelector selector = selectionAfter(all);
			return new SecondPass(all, selector, setUp(all, selector));
		}

		@Override
		void write(final DataOutput out) throws IOException {
			writeFound(out, null, null, null, null);
		}
	}

	/** The second pass: power sums, the histogram and, where ranks are open, their next digit. */
	private final class SecondPass extends Pass<SecondPassSums> {

		private final FirstPassSums first;
		private final RankSelector selector;
		private final SecondPassSetup setup;

		SecondPass(final FirstPassSums first, final RankSelector selector, final SecondPassSetup setup) {
			super(1, SecondPassSums.class);
			this.first = first;
			this.selector = selector;
			this.setup = setup;
		}

		@Override
		SecondPassSums newAccumulator() {
			return setup.newSums(selector, first.nonFiniteSpans());
		}

		@Override
		Stage next(final SecondPassSums all) {
			if (setup.ranksOpen()) {
				all.addHotCounts(setup.openDigits());
				selector.advance(all.digits());
			}
			return afterNarrowing(number() + 1, first, all, selector, setup.binning());
		}

		@Override
		void write(final DataOutput out) throws IOException {
			writeFound(out, null, first, null, selector);
		}
	}

	/**
	 * @param pass the pass to run next
	 * @return the finish when every rank is resolved (or comes from sorted keys), else a narrowing pass
	 */
	private Stage afterNarrowing(final int pass, final FirstPassSums first, final SecondPassSums second,
		final RankSelector selector, final HistogramBinning binning)
	{
		return sort || selector.isDone() ? new FinishFromSums(pass, first, second, selector, binning)
			: new NarrowingPass(pass, first, second, selector, binning);
	}

	/**
	 * A narrowing pass of 64-bit keys: the next digit of the keys under each open prefix. It carries
	 * what the first two passes found to the finish.
	 */
	private final class NarrowingPass extends Pass<RankSelector.DigitCounts> {

		private final FirstPassSums first;
		private final SecondPassSums second;
		private final RankSelector selector;
		private final HistogramBinning binning;

		NarrowingPass(final int number, final FirstPassSums first, final SecondPassSums second,
			final RankSelector selector, final HistogramBinning binning)
		{
			super(number, RankSelector.DigitCounts.class);
			this.first = first;
			this.second = second;
			this.selector = selector;
			this.binning = binning;
		}

		@Override
		RankSelector.DigitCounts newAccumulator() {
			return selector.newCounts(kind);
		}

		@Override
		Stage next(final RankSelector.DigitCounts all) {
			selector.advance(all);
			return afterNarrowing(number() + 1, first, second, selector, binning);
		}

		@Override
		void write(final DataOutput out) throws IOException {
			writeFound(out, null, first, second, selector);
		}
	}

	/**
	 * The statistics from the sums of the first two passes, the histogram of the second and the
	 * value of each rank: from the sorted keys of a small image, else from the selection.
	 */
	private final class FinishFromSums extends Finish {

		private final FirstPassSums first;
		private final SecondPassSums second;
		private final RankSelector selector;
		private final HistogramBinning binning;

		FinishFromSums(final int passes, final FirstPassSums first, final SecondPassSums second,
			final RankSelector selector, final HistogramBinning binning)
		{
			super(passes);
			this.first = first;
			this.second = second;
			this.selector = selector;
			this.binning = binning;
		}

		@Override
		Statistics statistics() {
			final long[] sortedKeys = sort ? first.sortedKeys() : null;
			final LongToDoubleFunction valueOfRank = sort ? rank -> OrderKeys.value(kind, sortedKeys[(int) rank])
				: rank -> OrderKeys.value(kind, selector.key(rank));
			return Statistics.of(first, second.moments(), levels, valueOfRank, second.histogram(binning));
		}

		@Override
		void write(final DataOutput out) throws IOException {
			writeFound(out, null, first, second, selector);
		}
	}
}
