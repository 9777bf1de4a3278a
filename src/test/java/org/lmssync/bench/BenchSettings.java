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
 * @param parts        which measures to run, letters a-f
 */
record BenchSettings(List<Integer> fullSizes, int repeat, int repeatBig, int smallTable, int changes, int throttleRps,
                     String parts) {

    static BenchSettings fromSystemProperties() {
        List<Integer> full = Arrays.stream(System.getProperty("bench.full", "100000,1000000").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(Integer::valueOf).sorted().toList();
        int repeat = Integer.getInteger("bench.repeat", 3);
        return new BenchSettings(full, repeat, Integer.getInteger("bench.repeat.big", Math.min(repeat, 1)),
                Integer.getInteger("bench.small", 10_000), Integer.getInteger("bench.changes", 1_000),
                Integer.getInteger("bench.throttle.rps", 5), System.getProperty("bench.parts", "abcdef"));
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
        return m;
    }
}
