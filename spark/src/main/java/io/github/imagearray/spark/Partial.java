package io.github.imagearray.spark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

import io.github.imagearray.stats.PartialStatistics;

/**
 * Partial statistics as Spark moves them between tasks and the driver: in their own binary form
 * ({@link PartialStatistics#toBytes}), which holds count tables sparsely.
 */
final class Partial implements Serializable {

	private static final long serialVersionUID = 1L;

	private transient PartialStatistics statistics;

	Partial(final PartialStatistics statistics) {
		this.statistics = statistics;
	}

	PartialStatistics statistics() {
		return statistics;
	}

	/** @return this, holding the merge of both (Spark's reductions may change their first argument) */
	Partial merge(final Partial other) {
		statistics.merge(other.statistics);
		return this;
	}

	private void writeObject(final ObjectOutputStream out) throws IOException {
		final byte[] bytes = statistics.toBytes();
		out.writeInt(bytes.length);
		out.write(bytes);
	}

	private void readObject(final ObjectInputStream in) throws IOException {
		final byte[] bytes = new byte[in.readInt()];
		in.readFully(bytes);
		statistics = PartialStatistics.fromBytes(bytes);
	}
}
