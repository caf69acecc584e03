package io.github.imagearray.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.DeflaterOutputStream;

/** Writes small MetaImage files for tests, byte by byte as the format describes them. */
public final class MetaImageFiles {

	private MetaImageFiles() {
	}

	/** @return the voxels as bytes of {@code type} in the given order */
	public static byte[] bytes(final MetaElementType type, final double[] values, final ByteOrder order) {
		final ByteBuffer b = ByteBuffer.allocate(values.length * type.bytes()).order(order);
		for (final double v : values) {
			switch (type) {
				case MET_UCHAR:
				case MET_CHAR:
					b.put((byte) (long) v);
					break;
				case MET_USHORT:
				case MET_SHORT:
					b.putShort((short) (long) v);
					break;
				case MET_UINT:
				case MET_INT:
					b.putInt((int) (long) v);
					break;
				case MET_LONG_LONG:
				case MET_ULONG_LONG:
					b.putLong((long) v);
					break;
				case MET_FLOAT:
					b.putFloat((float) v);
					break;
				default:
					b.putDouble(v);
			}
		}
		return b.array();
	}

	public static byte[] deflate(final byte[] data) throws IOException {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
			z.write(data);
		}
		return out.toByteArray();
	}

	/** Writes {@code name}.mhd and {@code name}.raw; returns the header's path. */
	public static Path write(final Path dir, final String name, final String header, final byte[] data)
		throws IOException
	{
		Files.write(dir.resolve(name + ".raw"), data);
		final Path mhd = dir.resolve(name + ".mhd");
		Files.write(mhd, header.getBytes(StandardCharsets.US_ASCII));
		return mhd;
	}

	/** The header of an uncompressed image in {@code name}.raw. */
	public static String header(final MetaElementType type, final String dims, final boolean msb,
		final String name)
	{
		final int n = dims.trim().split("\\s+").length;
		return "ObjectType = Image\nNDims = " + n + "\nDimSize = " + dims + "\nElementType = " + type.name() +
			"\nBinaryDataByteOrderMSB = " + (msb ? "True" : "False") + "\nElementSpacing = " + spacing(n) +
			"\nElementDataFile = " + name + ".raw\n";
	}

	private static String spacing(final int n) {
		return n == 2 ? "0.5 0.5" : "0.5 0.5 2";
	}
}
