package io.github.imagearray.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Map;
import java.util.TreeMap;

import javax.imageio.stream.ImageInputStreamImpl;

import io.github.imagearray.io.TiffPages.Page;

/**
 * The strips, or rows of tiles, of one page that hold a band of its rows, shown to a TIFF decoder
 * as a TIFF file of their own: a BigTIFF header and one IFD made in memory, which describe an image
 * of those strips alone, followed by the file's bytes, which hold them where the file holds them.
 * TwelveMonkeys decodes a page's strips from its first row down to the last row asked for, whatever
 * source region it is given: a band at the bottom of a compressed page cost the decoding of all the
 * strips above it. Given this image, it decodes the band's strips alone, each by the same code
 * that decodes it in the page.
 * <p>
 * The IFD describes one sample per pixel of the page's bits, sample format, compression,
 * predictor and fill order, black is zero (the samples as stored, as the page's own decoding with
 * {@code readRaster} gives them), the page's width and strip or tile size, and the band's strips or
 * rows of tiles with their offsets and byte counts.
 * <p>
 * {@code reader.setInput(new TiffBand(channel, page, 3, 5)); Raster rows = reader.readRaster(0, param);}
 */
final class TiffBand extends ImageInputStreamImpl {

	private static final int SHORT = 3, LONG = 4, LONG8 = 16;
	private static final int BLACK_IS_ZERO = 1, CHUNKY = 1;
	/** Bytes of the BigTIFF header, and of an IFD entry. */
	private static final int HEADER = 16, ENTRY = 20;
	/** Bytes of the file read at once. */
	private static final int BUFFER = 1 << 16;

	private final FileChannel channel;
	private final long fileSize;
	/** The header and the IFD; the file's byte {@code i} is at {@code head.length + i}. */
	private final byte[] head;
	private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
	/** Where in the file the buffer's bytes start. */
	private long bufferAt = -1;
	private final byte[] one = new byte[1];

	/**
	 * @param channel the page's file, read with positional reads only: it stays open when this is closed
	 * @param page the page
	 * @param firstPart the first strip, or row of tiles, of the band (from 0)
	 * @param lastPart the last one
	 */
	TiffBand(final FileChannel channel, final Page page, final int firstPart, final int lastPart) throws IOException {
		this.channel = channel;
		this.fileSize = channel.size();
		this.head = header(page, firstPart, lastPart);
		setByteOrder(page.bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
	}

	/** @return the rows of a strip, or of a row of tiles, of the page */
	static long partRows(final Page page) {
		return page.tiled ? page.tileHeight : page.rowsPerStrip;
	}

	/** @return the BigTIFF header and the IFD of the image of parts [firstPart, lastPart] of the page */
	private static byte[] header(final Page page, final int firstPart, final int lastPart) {
		final long partRows = partRows(page);
		final long height = Math.min(page.height, (lastPart + 1) * partRows) - firstPart * partRows;
		final Map<Integer, long[]> entries = new TreeMap<>();
		entries.put(256, new long[] { LONG, page.width });
		entries.put(257, new long[] { LONG, height });
		entries.put(258, new long[] { SHORT, page.bitsPerSample });
		entries.put(259, new long[] { SHORT, page.compression });
		entries.put(262, new long[] { SHORT, BLACK_IS_ZERO });
		entries.put(266, new long[] { SHORT, page.fillOrder });
		entries.put(277, new long[] { SHORT, 1 });
		entries.put(284, new long[] { SHORT, CHUNKY });
		entries.put(317, new long[] { SHORT, page.predictor });
		entries.put(339, new long[] { SHORT, page.sampleFormat });
		if (page.tiled) {
			entries.put(322, new long[] { LONG, page.tileWidth });
			entries.put(323, new long[] { LONG, page.tileHeight });
		}
		else entries.put(278, new long[] { LONG, page.rowsPerStrip });
		final int across = page.tiled ? (int) ((page.width + page.tileWidth - 1) / page.tileWidth) : 1;
		final int first = firstPart * across, count = (lastPart - firstPart + 1) * across;
		final long[] offsets = new long[count], byteCounts = new long[count];
		entries.put(page.tiled ? 324 : 273, offsets);
		entries.put(page.tiled ? 325 : 279, byteCounts);
		// the two arrays follow the IFD, unless they hold one value each; the file follows them
		final int arrays = HEADER + 8 + entries.size() * ENTRY + 8;
		final int length = arrays + (count == 1 ? 0 : 2 * 8 * count);
		for (int i = 0; i < count; i++) {
			offsets[i] = length + page.offsets[first + i];
			byteCounts[i] = page.byteCounts[first + i];
		}
		final ByteBuffer b = ByteBuffer.allocate(length).order(page.bigEndian ? ByteOrder.BIG_ENDIAN
			: ByteOrder.LITTLE_ENDIAN);
		final byte order = (byte) (page.bigEndian ? 'M' : 'I');
		b.put(order).put(order).putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(HEADER);
		b.putLong(entries.size());
		int next = arrays;
		for (final Map.Entry<Integer, long[]> e : entries.entrySet()) {
			final long[] v = e.getValue();
			b.putShort((short) (int) e.getKey());
			if (v == offsets || v == byteCounts) {
				b.putShort((short) LONG8).putLong(count);
				if (count == 1) b.putLong(v[0]);
				else {
					b.putLong(next);
					for (int i = 0; i < count; i++)
						b.putLong(next + 8 * i, v[i]);
					next += 8 * count;
				}
			}
			else if (v[0] == SHORT) b.putShort((short) SHORT).putLong(1).putShort((short) v[1]).putShort((short) 0)
				.putInt(0);
			else b.putShort((short) LONG).putLong(1).putInt((int) v[1]).putInt(0);
		}
		b.putLong(0);
		return b.array();
	}

	@Override
	public long length() {
		return head.length + fileSize;
	}

	@Override
	public int read() throws IOException {
		return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
	}

	@Override
	public int read(final byte[] b, final int off, final int len) throws IOException {
		if (len == 0) return 0;
		bitOffset = 0;
		final int n;
		if (streamPos < head.length) {
			n = (int) Math.min(len, head.length - streamPos);
			System.arraycopy(head, (int) streamPos, b, off, n);
		}
		else {
			final long at = streamPos - head.length;
			if (at >= fileSize) return -1;
			if (bufferAt < 0 || at < bufferAt || at >= bufferAt + buffer.limit()) fill(at);
			n = Math.min(len, (int) (bufferAt + buffer.limit() - at));
			if (n <= 0) return -1;
			System.arraycopy(buffer.array(), (int) (at - bufferAt), b, off, n);
		}
		streamPos += n;
		return n;
	}

	/** Reads the file's bytes from {@code at} into the buffer, as many as it holds or the file has. */
	private void fill(final long at) throws IOException {
		buffer.clear();
		while (buffer.hasRemaining()) {
			final int n = channel.read(buffer, at + buffer.position());
			if (n < 0) break;
		}
		buffer.flip();
		bufferAt = at;
	}
}
