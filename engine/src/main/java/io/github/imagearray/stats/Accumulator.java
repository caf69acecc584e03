package io.github.imagearray.stats;

import java.io.DataOutput;
import java.io.IOException;

/**
 * What one pass of the engine gathers over some spans of a {@link VoxelSource}: it adds spans, then
 * merges with another of its kind (gathered over other spans, by another worker or on another
 * machine) and writes itself out for {@link PartialStatistics}. Its sums are exact or counts, so
 * merging in any order gives the same result, bit for bit.
 *
 * @param <A> its own type, the kind it merges with
 */
interface Accumulator<A extends Accumulator<A>> {

	/** Adds the voxels of span {@code index}, read by {@code reader}. */
	void span(int index, SpanReader reader);

	/** Adds {@code other}'s voxels to this one's. */
	void merge(A other);

	/** Writes this accumulator in the form its class's {@code read} reads. */
	void write(DataOutput out) throws IOException;
}
