package org.lmssync.engine.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmssync.engine.http.MalformedPageException;
import org.lmssync.engine.resource.FieldPath;

/**
 * A page read from its UTF-8 bytes (how replies are read) gives the same records, cut out as
 * sent, as the same page read from text: byte offsets, not char offsets, where a record has
 * characters of more than one byte.
 */
class PageBytesUnitTest {
    private final PageReader reader = new PageReader(new ObjectMapper());

    @Test
    void recordsWithMultiByteCharactersAreCutAtTheirOwnBounds() {
        String body = "{\"items\":[ {\"name\":\"Zoë Ångström\", \"id\":1},\n{\"note\":\"日本語 \\u00e9 😀\",\"id\":2} ,"
                + "{\"id\":3}],\"next\":\"p2\"}";
        PageReader.Page fromText = reader.parse(body, FieldPath.parse("items"));
        PageReader.Page fromBytes = reader.parse(body.getBytes(StandardCharsets.UTF_8), FieldPath.parse("items"));
        assertEquals(List.of("{\"name\":\"Zoë Ångström\", \"id\":1}", "{\"note\":\"日本語 \\u00e9 😀\",\"id\":2}",
                "{\"id\":3}"), fromBytes.texts());
        assertEquals(fromText.texts(), fromBytes.texts());
        assertEquals(fromText.records().get(1).tree(), fromBytes.records().get(1).tree());
        assertEquals(CanonicalHash.of(fromText.records().get(0).tree()), CanonicalHash.of(fromBytes.records().get(0).tree()));
        assertEquals("p2", fromBytes.envelope().get("next").asText());
    }

    @Test
    void truncatedOrEmptyBytesAreMalformedPagesAsText() {
        byte[] cut = "[{\"id\":1},{\"id\"".getBytes(StandardCharsets.UTF_8);
        assertThrows(MalformedPageException.class, () -> reader.parse(cut, null));
        assertThrows(MalformedPageException.class, () -> reader.parse(new byte[0], null));
    }
}
