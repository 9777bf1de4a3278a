package org.lmssync.bench;

import java.nio.file.Path;

/** What the listing-server benches (a, b, c, f) share: the settings, the server, the jar, a work directory and the report. */
record BenchRig(BenchSettings settings, ListingServer server, JarRunner jar, Path work, Report report) {
}
