package io.github.imagearray.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonMetadataTest {

	@Test
	void valuesOfEveryKind() {
		final Map<String, Object> expected = new LinkedHashMap<>();
		expected.put("shape", Arrays.asList(3L, 5L, 7L));
		expected.put("fill_value", null);
		expected.put("dtype", "<f4");
		// a whole number stays exact as a Long
		expected.put("scale", Arrays.asList(1.5, -2e-3, 9007199254740993L));
		expected.put("nested", Arrays.asList(new LinkedHashMap<>(), Arrays.asList(), true, false));
		expected.put("text", "a\"b\\c\n\u00e9/");
		assertEquals(expected, JsonMetadata.value("{ \"shape\": [3, 5, 7], \"fill_value\": null, \"dtype\": \"<f4\",\n" +
			"\"scale\": [1.5, -2E-3, 9007199254740993], \"nested\": [{}, [], true, false],\n" +
			"\"text\": \"a\\\"b\\\\c\\n\\u00e9\\/\" }"));
	}

	@Test
	void anythingElseIsRefusedSayingWhere() {
		for (final String bad : new String[] { "", "{", "{\"a\" 1}", "[1, 2", "{\"a\": 1} x", "[01x]", "\"open",
			"{a: 1}", "[1,]" })
			assertThrows(IllegalArgumentException.class, () -> JsonMetadata.value(bad), bad);
		final String message = assertThrows(IllegalArgumentException.class, () -> JsonMetadata.value("{\"a\" 1}"))
			.getMessage();
		assertTrue(message.startsWith("not JSON: ") && message.contains("line 1 column 7"), message);
	}
}
