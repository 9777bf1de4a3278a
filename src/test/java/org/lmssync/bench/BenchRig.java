package org.lmssync.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the listing-server benches (a, b, c, f) share: the settings, the server, the jar, a work
 * directory, the report, and the kind of sync DB this pass stores into.
 */
record BenchRig(BenchSettings settings, ListingServer server, JarRunner jar, Path work, Report report, BenchDb db) {

    /** The app's settings for syncing the listing into {@code file}'s DB of this pass. */
    Map<String, String> config(Path file) {
        return BenchLms.config(server, db.settings(file));
    }

    /**
     * What figure names add to say which DB they were measured on: nothing in the default
     * SQLite-only run, so that its names stay as earlier results have them.
     */
    String on() {
        return settings.dbs().equals(List.of(BenchDb.SQLITE)) ? "" : " on " + db.label();
    }
}
