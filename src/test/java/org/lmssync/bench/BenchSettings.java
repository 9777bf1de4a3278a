package org.lmssync.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to run, from system properties ({@code -Dbench.*} on the Maven command line).
 *
 * @param fullSizes    records of the full syncs (a), the largest is also the big table of (b) and the memory run (c)
 * @param repeat       repetitions of each figure (the median is reported)
 * @param repeatBig    repetitions for sizes of 1,000,000 and more (each costs minutes)
 * @param smallTable   the small table of (b)
 * @param changes      changed records of (b)
 * @param throttleRps  R of (e): the simulator's limit and the app's budget (default 5, Schoology's default budget)
 * @param parts        which measures to run, letters a-g
 * @param dbs          the sync DBs that (a), (b) and (c) run on, in order ({@code -Dbench.db=sqlite,postgres}; default
 *                     sqlite): each runs the sync and its ceiling into that kind of DB, PostgreSQL through
 *                     {@link org.lmssync.TestDb}'s embedded server, so one run reports both side by side. A property of
 *                     its own rather than {@code lms.test.db}, which switches a whole test JVM to one DB
 * @param pgParams     JDBC URL parameters added to the PostgreSQL URL of the sync and of the ceiling alike
 *                     ({@code -Dbench.db.pg-params=prepareThreshold=0}), to try a driver setting on both sides; default none
 * @param latenciesMs  (g) the per-request latencies of the simulators, ms
 * @param latencyJitterMs (g) up to this much more per request (uniform), ms
 * @param beforeLatenciesMs (g) the latencies at which the runs are repeated with concurrency=1, for comparison
 * @param latencyLms   (g) the LMSs, in order
 * @param latencySize  (g) the simulated districts: medium (the default) or small (a smoke run)
 * @param latencySchoologyOverRps (g) Schoology's budget for the run above the simulator's limit
 */
record BenchSettings(List<Integer> fullSizes, int repeat, int repeatBig, int smallTable, int changes, int throttleRps,
                     String parts, List<BenchDb> dbs, String pgParams, List<Integer> latenciesMs, int latencyJitterMs, List<Integer> beforeLatenciesMs,
                     List<String> latencyLms, String latencySize, int latencySchoologyOverRps) {

    static BenchSettings fromSystemProperties() {
        List<Integer> full = Arrays.stream(System.getProperty("bench.full", "100000,1000000").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(Integer::valueOf).sorted().toList();
        int repeat = Integer.getInteger("bench.repeat", 3);
        return new BenchSettings(full, repeat, Integer.getInteger("bench.repeat.big", Math.min(repeat, 1)),
                Integer.getInteger("bench.small", 10_000), Integer.getInteger("bench.changes", 1_000),
                Integer.getInteger("bench.throttle.rps", 5), System.getProperty("bench.parts", "abcdefg"),
                words(System.getProperty("bench.db", "sqlite")).stream().map(BenchDb::of).distinct().toList(),
                System.getProperty("bench.db.pg-params", ""),
                ints(System.getProperty("bench.latency", "150,500")), Integer.getInteger("bench.latency.jitter", 0),
                ints(System.getProperty("bench.g.before", "150")),
                words(System.getProperty("bench.g.lms", "google,canvas,schoology")),
                System.getProperty("bench.g.size", "medium"), Integer.getInteger("bench.g.schoology.over", 20));
    }

    private static List<Integer> ints(String csv) {
        return words(csv).stream().filter(s -> !s.equals("none")).map(Integer::valueOf).toList();
    }

    private static List<String> words(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    int repeatFor(int records) {
        return records >= 1_000_000 ? repeatBig : repeat;
    }

    int bigTable() {
        return fullSizes.get(fullSizes.size() - 1);
    }

    boolean runs(char part) {
        return parts.indexOf(part) >= 0;
    }

    Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("bench.full", fullSizes.toString());
        m.put("bench.repeat", Integer.toString(repeat));
        m.put("bench.repeat.big", Integer.toString(repeatBig));
        m.put("bench.small", Integer.toString(smallTable));
        m.put("bench.changes", Integer.toString(changes));
        m.put("bench.throttle.rps", Integer.toString(throttleRps));
        m.put("bench.parts", parts);
        m.put("bench.db", dbs.toString());
        m.put("bench.db.pg-params", pgParams);
        m.put("bench.latency", latenciesMs.toString());
        m.put("bench.latency.jitter", Integer.toString(latencyJitterMs));
        m.put("bench.g.before", beforeLatenciesMs.toString());
        m.put("bench.g.lms", latencyLms.toString());
        m.put("bench.g.size", latencySize);
        m.put("bench.g.schoology.over", Integer.toString(latencySchoologyOverRps));
        return m;
    }
}
