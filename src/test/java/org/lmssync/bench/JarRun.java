package org.lmssync.bench;

import java.time.Instant;

/**
 * One run of the packaged jar: its exit code, when it was started, how long it ran, the peak heap
 * before any collection (from its GC log, in MB) and its peak resident set (VmHWM, in MB).
 */
record JarRun(int exitCode, Instant started, double seconds, long peakHeapMb, long peakRssMb, String output) {
}
