package org.lmssync.engine.run;

import java.util.List;

/** What the per-record step makes of one record of a page. */
public sealed interface RecordResult {

    /** A storable record: its identity, original JSON, canonical hash and source dates. */
    record Accepted(List<String> identity, String json, String hash, String sourceCreated,
                    String sourceModified, String watermark, String asOfDate) implements RecordResult {
    }

    /** A record that cannot be stored; it goes to {@code sync_errors}. */
    record Rejected(String reason, String payload) implements RecordResult {
    }
}
