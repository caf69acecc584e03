package io.github.imagearray.io;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.github.imagearray.stats.PixelKind;

/** The MetaImage element types that are read, with their ImgLib2 pixel kinds and sizes. */
public enum MetaElementType {
	MET_UCHAR(PixelKind.UINT8, 1), MET_CHAR(PixelKind.INT8, 1), MET_USHORT(PixelKind.UINT16, 2),
	MET_SHORT(PixelKind.INT16, 2), MET_UINT(PixelKind.UINT32, 4), MET_INT(PixelKind.INT32, 4),
	MET_LONG_LONG(PixelKind.INT64, 8), MET_ULONG_LONG(PixelKind.UINT64, 8), MET_FLOAT(PixelKind.FLOAT32, 4),
	MET_DOUBLE(PixelKind.FLOAT64, 8);

	private final PixelKind kind;
	private final int bytes;

	MetaElementType(final PixelKind kind, final int bytes) {
		this.kind = kind;
		this.bytes = bytes;
	}

	public PixelKind kind() {
		return kind;
	}

	/** @return bytes per voxel */
	public int bytes() {
		return bytes;
	}

	/** @return the type of that name, or an error that lists the supported ones */
	static MetaElementType parse(final String name, final String file) throws ImageFileException {
		for (final MetaElementType t : values())
			if (t.name().equals(name)) return t;
		throw new ImageFileException(file + ": unsupported ElementType '" + name + "'; supported: " + Arrays.stream(
			values()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
	}
}
