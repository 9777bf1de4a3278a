package org.lmssync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lmssync.testapi.TestApi;

/**
 * Prints the records/s of a full sync of N submission-like records (about 1.1 KB of JSON each,
 * like the Ed-Fi anchors) from the local test API into a fresh SQLite file, and the peak heap.
 * Run with {@code mvn -B test -Dbench.excluded=none -Dtest=EngineThroughputBench
 * -Dbench.records=100000}. It asserts only that every record landed: figures are printed.
 */
@Tag("bench")
class EngineThroughputBench extends SyncTestSupport {

    @Test
    void fullSyncThroughput() throws Exception {
        int n = Integer.getInteger("bench.records", 100_000);
        int pageSize = Integer.getInteger("bench.page-size", 100);
        api.put("items", submissions(n));
        config.put("lms.testlms.page-size", Integer.toString(pageSize));
        config.put("lms.testlms.requests-per-second", "100000");
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long t0 = System.nanoTime();
        assertEquals(0, once("items_link"), lastErr);
        double secs = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        assertEquals(n, scalar("SELECT COUNT(*) FROM testlms_items_link"));
        long t1 = System.nanoTime();
        assertEquals(0, once("items_link"), lastErr);
        double nochange = (System.nanoTime() - t1) / 1e9;
        System.out.printf("BENCH full sync: %d records, page %d, %.1f s, %.0f records/s, peak heap %d MB (JVM -Xmx %d MB);"
                        + " no-change re-run %.1f s, %.0f records/s; db %d MB%n",
                n, pageSize, secs, n / secs, peak >> 20, Runtime.getRuntime().maxMemory() >> 20, nochange, n / nochange,
                java.nio.file.Files.size(db) >> 20);
    }

    /**
     * The same sync by the packaged jar in its own JVM with {@code -Xmx256m} (run after
     * {@code mvn package}), so the API's records do not share the heap: wall time and the peak
     * heap before any GC, read from the GC log.
     */
    @Test
    void fullSyncInItsOwnJvmWith256MegabytesOfHeap() throws Exception {
        java.nio.file.Path jar = java.nio.file.Path.of("target/lms-sync.jar");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(jar), "run mvn package first");
        int n = Integer.getInteger("bench.records", 100_000);
        api.put("items", submissions(n));
        config.put("lms.testlms.page-size", Integer.toString(Integer.getInteger("bench.page-size", 100)));
        config.put("lms.testlms.requests-per-second", "100000");
        config.put("lms.testlms.resources", "items_link");
        java.nio.file.Path props = dir.resolve("bench.properties");
        StringBuilder sb = new StringBuilder();
        config.forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
        java.nio.file.Files.writeString(props, sb.toString());
        java.nio.file.Path gc = dir.resolve("gc.log");
        String cp = jar.toAbsolutePath() + java.io.File.pathSeparator + java.nio.file.Path.of("target/test-classes").toAbsolutePath();
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Xlog:gc:file=" + gc, "-cp", cp, "org.lmssync.cli.App", "once", "--config", props.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("bench.log").toFile()).start();
        assertEquals(0, p.waitFor(), java.nio.file.Files.readString(dir.resolve("bench.log")));
        double secs = (System.nanoTime() - t0) / 1e9;
        long peakMb = 0;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)M->\\d+M\\(").matcher(java.nio.file.Files.readString(gc));
        while (m.find()) {
            peakMb = Math.max(peakMb, Long.parseLong(m.group(1)));
        }
        assertEquals(n, scalar("SELECT COUNT(*) FROM testlms_items_link"));
        System.out.printf("BENCH subprocess -Xmx256m: %d records in %.1f s (JVM start included), %.0f records/s, peak heap before GC %d MB%n",
                n, secs, n / secs, peakMb);
    }

    /** Records shaped like Canvas submissions: 29 fields, half with one attachment. */
    static List<ObjectNode> submissions(int n) {
        List<ObjectNode> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ObjectNode r = TestApi.JSON.createObjectNode();
            r.put("id", 7_000_000 + i).putNull("body").put("url", "https://example.edu/s/" + i).put("grade", "20")
                    .put("score", 20.0).put("submitted_at", "2021-03-16T16:20:10Z").put("assignment_id", 356_597 + i % 50)
                    .put("user_id", 1_000 + i / 50).put("submission_type", "online_url").put("workflow_state", "graded")
                    .put("grade_matches_current_submission", true).put("graded_at", "2021-03-30T16:11:38Z")
                    .put("grader_id", 7870).put("attempt", 1).put("cached_due_date", "2021-03-23T03:59:59Z")
                    .put("excused", false).putNull("late_policy_status").putNull("points_deducted")
                    .put("grading_period_id", 219).putNull("extra_attempts").put("posted_at", "2021-03-30T16:11:38Z")
                    .put("late", false).put("missing", false).put("seconds_late", 0).put("entered_grade", "20")
                    .put("entered_score", 20.0).put("preview_url", "https://example.edu/courses/104/assignments/356597/submissions/" + i)
                    .put("anonymous_id", "u" + Integer.toString(i, 36));
            if (i % 2 == 0) {
                r.putArray("attachments").addObject().put("id", 1_391_841 + i).put("display_name", "websnappr" + i + ".png")
                        .put("content-type", "image/png").put("size", 26_447).put("created_at", "2021-03-16T16:20:16Z")
                        .put("updated_at", "2021-03-16T16:20:16Z").put("url", "https://example.edu/files/" + i + "/download");
            }
            out.add(r);
        }
        return out;
    }
}
