package org.lmssync.bench;

import java.nio.file.Path;

/** (d) placeholder, filled below. */
final class RequestBench {
    private RequestBench() {
    }

    static void run(JarRunner jar, Path work, Report report) {
    }
}
