package org.lmssync.engine.page;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One record as the page reader cut it out: its text exactly as the API sent it (what the
 * {@code json} column stores) and its parsed tree (what identity, dates and hash are read from),
 * both from the one pass over the page.
 */
public record RawRecord(String json, JsonNode tree) {
}
