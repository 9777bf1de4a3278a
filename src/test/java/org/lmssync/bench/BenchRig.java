package org.lmssync.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the listing-server benches (a, b, c, f) share: the settings, the server, the jar, a work
 * directory, the report, and the kind of sync DB this pass stores into.
 */
record BenchRig(BenchSettings settings, ListingServer server, JarRunner jar, Path work, Report report, BenchDb db) {

    /** The app's settings for syncing the listing into {@code file}'s DB of this pass. */
    Map<String, String> config(Path file) {
        return BenchLms.config(server, dbSettings(file));
    }

    /** The {@code lms.db.*} keys of {@code file}'s DB, with {@code bench.db.pg-params} on a PostgreSQL URL. */
    Map<String, String> dbSettings(Path file) {
        Map<String, String> keys = new LinkedHashMap<>(db.settings(file));
        if (db == BenchDb.POSTGRES && !settings.pgParams().isBlank()) {
            keys.put("lms.db.url", keys.get("lms.db.url") + "?" + settings.pgParams());
        }
        return keys;
    }

    /**
     * What figure names add to say which DB they were measured on: nothing in the default
     * SQLite-only run, so that its names stay as earlier results have them.
     */
    String on() {
        return settings.dbs().equals(List.of(BenchDb.SQLITE)) ? "" : " on " + db.label();
    }
}
