package org.lmssync.engine.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmssync.engine.http.LinkHeader;
import org.lmssync.engine.http.MalformedPageException;
import org.lmssync.engine.resource.FieldPath;
import org.lmssync.engine.resource.Paging;
import org.lmssync.engine.run.Listing;
import org.lmssync.engine.run.Scope;
import org.lmssync.engine.spi.StopSignal;

/** The paging kinds and the page reader on their own, edge case by edge case. */
class PagingUnitTest {
    private final ObjectMapper mapper = new ObjectMapper();
    private final PageReader reader = new PageReader(mapper);

    @Test
    void linkHeaderFindsNextInAnyOrderWithOpaqueBookmarks() {
        String canvas = "<https://x/api/v1/a?page=first&per_page=2>; rel=\"current\","
                + "<https://x/api/v1/a?page=bookmark:WyJjbHVzdGVyIiwiMjAyMiJd&per_page=2>; rel=\"next\","
                + "<https://x/api/v1/a?page=first&per_page=2>; rel=\"first\"";
        assertEquals("https://x/api/v1/a?page=bookmark:WyJjbHVzdGVyIiwiMjAyMiJd&per_page=2", LinkHeader.find(canvas, "next"));
        assertEquals("https://x/b?p=2", LinkHeader.find("<https://x/b?p=2>; rel=\"prev next\"", "next"));
        assertEquals("https://x/b?p=3", LinkHeader.find("<https://x/b?p=1>; rel=first, <https://x/b?p=3>;rel=next", "next"));
        // relation types are case-insensitive and separated by any whitespace; "nextish" is another type
        assertEquals("https://x/b?p=4", LinkHeader.find("<https://x/b?p=9>; rel=\"nextish\", <https://x/b?p=4>; rel=\" last\tNEXT \"", "next"));
        assertNull(LinkHeader.find("<https://x/b?p=1>; rel=\"current\",<https://x/b?p=1>; rel=\"last\"", "next"));
        assertNull(LinkHeader.find(null, "next"));
    }

    @Test
    void tokenPagingReplacesTheTokenAndStopsWithoutOne() throws Exception {
        Paging token = Paging.of("token");
        String next = token.next("https://c/v1/courses?pageSize=10&pageToken=old", Map.of(),
                mapper.readTree("{\"nextPageToken\":\"a+b/c=\"}"));
        assertEquals("https://c/v1/courses?pageSize=10&pageToken=a%2Bb%2Fc%3D", next);
        assertNull(token.next("https://c/v1/courses", Map.of(), mapper.readTree("{}")));
    }

    @Test
    void offsetPagingReadsTheAbsoluteNextLink() throws Exception {
        Paging offset = Paging.of("offset");
        assertEquals("https://s/v1/users?start=20&limit=20", offset.next("u", Map.of(),
                mapper.readTree("{\"links\":{\"self\":\"x\",\"next\":\"https:\\/\\/s\\/v1\\/users?start=20&limit=20\"},\"total\":\"45\"}")));
        assertNull(offset.next("u", Map.of(), mapper.readTree("{\"links\":{\"self\":\"x\"},\"total\":45}")));
    }

    @Test
    void thePageReaderCutsRecordsOutExactlyAsSent() {
        PageReader.Page page = reader.parse("[ {\"b\":1, \"a\" : \"x\\/y\"} ,{\"id\":2}]", null);
        assertEquals(List.of("{\"b\":1, \"a\" : \"x\\/y\"}", "{\"id\":2}"), page.texts());
        PageReader.Page wrapped = reader.parse("{\"courses\":[{\"id\":\"1\"}],\"nextPageToken\":\"t\"}", FieldPath.parse("courses"));
        assertEquals(List.of("{\"id\":\"1\"}"), wrapped.texts());
        assertEquals("t", wrapped.envelope().get("nextPageToken").asText());
    }

    @Test
    void emptyPagesMissingListFieldsAndShortPagesAreNotErrors() {
        assertEquals(List.of(), reader.parse("[]", null).records());
        assertEquals(List.of(), reader.parse("{}", FieldPath.parse("courses")).records());
        assertEquals(1, reader.parse("{\"courses\":[{\"id\":1}]}", FieldPath.parse("courses")).records().size());
    }

    @Test
    void truncatedJsonIsTransientAndAWrongShapeIsNot() {
        MalformedPageException cut = assertThrows(MalformedPageException.class, () -> reader.parse("[{\"id\":1},{\"id", null));
        assertTrue(cut.isTransient());
        MalformedPageException shape = assertThrows(MalformedPageException.class, () -> reader.parse("{\"x\":1}", null));
        assertFalse(shape.isTransient());
    }

    @Test
    void aListingStopsWhenItsNextLinkWasAlreadyRead() {
        Listing l = new Listing(new Scope("", Map.of(), null), "u?p=1", null, 1, true, null, null, 0, new StopSignal());
        l.sending();
        assertTrue(l.advance("u?p=2"));
        l.sending();
        assertFalse(l.advance("u?p=1"));
        assertNull(l.nextUrl());
        assertFalse(l.complete());
    }
}
