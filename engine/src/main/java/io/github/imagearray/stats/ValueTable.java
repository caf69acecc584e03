package io.github.imagearray.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The value that each stored value of an 8- or 16-bit integer image stands for: a calibration such
 * as DICOM's rescale slope and intercept, ImageJ's signed 16-bit offset or any other function
 * tabulated. A calculator given a table ({@link StatisticsCalculator#values}) measures the values
 * it gives instead of the stored ones, exactly and at the speed of the stored ones: it still counts
 * the stored values in one pass, then takes each count at its value. The table need not be
 * increasing; NaN and infinite entries are NaN and infinite voxels. Immutable.
 * <p>
 * {@code ValueTable hounsfield = ValueTable.linear(PixelKind.INT16, -1024, 1);}<br>
 * {@code Statistics s = new StatisticsCalculator().values(hounsfield).compute(ct);}
 */
public final class ValueTable {

	private final PixelKind kind;
	/** {@code values[v - kind.lowest()]} is the value that stored value {@code v} stands for. */
	private final double[] values;
	private final boolean wholeNumbers;

	private ValueTable(final PixelKind kind, final double[] values) {
		this.kind = kind;
		this.values = values;
		boolean whole = true;
		for (final double v : values)
			whole &= !Double.isFinite(v) || v == Math.rint(v);
		wholeNumbers = whole;
	}

	/**
	 * @param kind an 8- or 16-bit integer kind
	 * @param values the value of each stored value, from the kind's smallest upwards: 256 or 65,536
	 *          of them; copied
	 * @return the table
	 * @throws IllegalArgumentException for another kind or another number of values
	 */
	public static ValueTable of(final PixelKind kind, final double[] values) {
		checkKind(kind);
		if (values == null || values.length != 1 << kind.keyBits()) throw new IllegalArgumentException("A table of " +
			kind + " values needs " + (1 << kind.keyBits()) + " entries, not " + (values == null ? 0 : values.length) +
			".");
		return new ValueTable(kind, values.clone());
	}

	/**
	 * @param kind an 8- or 16-bit integer kind
	 * @return the table of {@code intercept + slope * v} for every stored value v
	 */
	public static ValueTable linear(final PixelKind kind, final double intercept, final double slope) {
		checkKind(kind);
		final double[] values = new double[1 << kind.keyBits()];
		for (int key = 0; key < values.length; key++)
			values[key] = intercept + slope * (key + kind.lowest());
		return new ValueTable(kind, values);
	}

	private static void checkKind(final PixelKind kind) {
		if (kind == null || !kind.isSmallInteger()) throw new IllegalArgumentException(
			"Value tables are for 8- and 16-bit integer images, not " + kind + ".");
	}

	/** @return the kind of the stored values */
	public PixelKind kind() {
		return kind;
	}

	/**
	 * @param stored a value of the table's kind
	 * @return the value it stands for
	 */
	public double value(final long stored) {
		return values[(int) (stored - kind.lowest())];
	}

	/** @return the value of an order key (stored value minus the kind's smallest) */
	double valueOfKey(final int key) {
		return values[key];
	}

	/**
	 * @return whether every finite value is a whole number: the histogram then gets the integer
	 *         images' automatic bins, one per value
	 */
	public boolean wholeNumbers() {
		return wholeNumbers;
	}

	void write(final DataOutput out) throws IOException {
		out.writeByte(kind.ordinal());
		for (final double v : values)
			out.writeDouble(v);
	}

	static ValueTable read(final DataInput in) throws IOException {
		final PixelKind kind = BinaryForm.readKind(in);
		if (!kind.isSmallInteger()) throw new IOException("A value table of " + kind + " values.");
		final double[] values = new double[1 << kind.keyBits()];
		for (int key = 0; key < values.length; key++)
			values[key] = in.readDouble();
		return new ValueTable(kind, values);
	}
}
