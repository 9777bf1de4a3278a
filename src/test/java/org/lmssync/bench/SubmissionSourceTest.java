package org.lmssync.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The benchmark's generative listing is a newest-first permutation, before and after changes. */
class SubmissionSourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void pagesListEveryRecordOnceNewestFirstAndChangesComeFirst() throws Exception {
        SubmissionSource source = new SubmissionSource();
        source.reset(1_000);
        assertNewestFirstPermutation(source, 7);
        source.change(37);
        List<JsonNode> first = assertNewestFirstPermutation(source, 7);
        assertEquals(Set.copyOf(source.changedIds()), ids(first.subList(0, 37)));
        assertEquals(2, first.get(0).get("attempt").asInt());
        source.change(37);
        assertEquals(3, assertNewestFirstPermutation(source, 9).get(36).get("attempt").asInt());
    }

    private static List<JsonNode> assertNewestFirstPermutation(SubmissionSource source, int pageSize) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        for (int from = 0; from < source.size(); from += pageSize) {
            for (int i : source.newestFirst(from, pageSize)) {
                StringBuilder sb = new StringBuilder();
                source.write(sb, i);
                all.add(JSON.readTree(sb.toString()));
            }
        }
        assertEquals(source.size(), all.size());
        assertEquals(source.size(), ids(all).size());
        for (int k = 1; k < all.size(); k++) {
            assertTrue(all.get(k - 1).get("graded_at").asText().compareTo(all.get(k).get("graded_at").asText()) > 0,
                    "newest first at " + k);
        }
        return all;
    }

    private static Set<String> ids(List<JsonNode> records) {
        Set<String> ids = new HashSet<>();
        records.forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }
}
