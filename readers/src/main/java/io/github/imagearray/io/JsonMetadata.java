package io.github.imagearray.io;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.ToNumberPolicy;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import io.github.imagearray.OneLine;

/**
 * The JSON metadata of Zarr and N5 stores ({@code .zarray}, {@code .zattrs},
 * {@code attributes.json}), read strictly (RFC 8259) by Gson into plain Java values: objects as
 * {@link Map}s in their order, arrays as lists, whole numbers as {@link Long} (others as
 * {@link Double}), strings, booleans and null. Anything that is not one JSON object is an
 * {@link ImageFileException} naming the file and where the text goes wrong.
 * <p>
 * {@code Map<?, ?> zarray = JsonMetadata.object(dir.resolve(".zarray"));}
 */
final class JsonMetadata {

	/** Gson's reading of any JSON value into maps, lists and numbers, whole ones as longs. */
	private static final TypeAdapter<Object> VALUES = new GsonBuilder().setObjectToNumberStrategy(
		ToNumberPolicy.LONG_OR_DOUBLE).create().getAdapter(Object.class);

	private JsonMetadata() {
	}

	/**
	 * @return the JSON object the file holds
	 * @throws ImageFileException naming the file when it is not one JSON object
	 */
	static Map<?, ?> object(final Path file) throws IOException {
		final Object value;
		try {
			value = value(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
		}
		catch (final IllegalArgumentException e) {
			throw new ImageFileException(file + ": " + e.getMessage() + ".");
		}
		if (!(value instanceof Map)) throw new ImageFileException(file + ": not a JSON object.");
		return (Map<?, ?>) value;
	}

	/**
	 * @return the one value a JSON text holds
	 * @throws IllegalArgumentException saying where the text is not JSON, or that text follows the value
	 */
	static Object value(final String text) {
		try (JsonReader in = new JsonReader(new StringReader(text))) {
			in.setLenient(false);
			final Object value = VALUES.read(in);
			if (in.peek() != JsonToken.END_DOCUMENT) throw new IllegalArgumentException("not JSON: text after the value " +
				"at " + in.getPath());
			return value;
		}
		// the text is in memory: every failure is a fault of the text
		catch (final IOException | JsonParseException | IllegalStateException e) {
			throw new IllegalArgumentException("not JSON: " + OneLine.reason(e), e);
		}
	}
}
