package io.github.imagearray.io;

import java.util.Arrays;
import java.util.stream.Collectors;


/** The MetaImage element types that are read, with their sizes. */
public enum MetaElementType {
	MET_UCHAR(1), MET_CHAR(1), MET_USHORT(2),
	MET_SHORT(2), MET_UINT(4), MET_INT(4),
	MET_LONG_LONG(8), MET_ULONG_LONG(8), MET_FLOAT(4),
	MET_DOUBLE(8);

	private final int bytes;

	MetaElementType(final int bytes) {
		this.bytes = bytes;
	}

	/** @return bytes per voxel */
	public int bytes() {
		return bytes;
	}

	/**
	 * @param kind 'u' for unsigned integers, 'i' for signed ones, 'f' for floats (as numpy's dtypes
	 *          name them)
	 * @param bytes the bytes of one sample
	 * @return the element type of such samples, or null where there is none (16-bit floats, …)
	 */
	public static MetaElementType of(final char kind, final int bytes) {
		if (kind == 'f') return bytes == 4 ? MET_FLOAT : bytes == 8 ? MET_DOUBLE : null;
		if (kind != 'i' && kind != 'u') return null;
		final boolean signed = kind == 'i';
		switch (bytes) {
			case 1:
				return signed ? MET_CHAR : MET_UCHAR;
			case 2:
				return signed ? MET_SHORT : MET_USHORT;
			case 4:
				return signed ? MET_INT : MET_UINT;
			case 8:
				return signed ? MET_LONG_LONG : MET_ULONG_LONG;
			default:
				return null;
		}
	}

	/** @return the type of that name, or an error that lists the supported ones */
	static MetaElementType parse(final String name, final String file) throws ImageFileException {
		for (final MetaElementType t : values())
			if (t.name().equals(name)) return t;
		throw new ImageFileException(file + ": unsupported ElementType '" + name + "'; supported: " + Arrays.stream(
			values()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
	}
}
