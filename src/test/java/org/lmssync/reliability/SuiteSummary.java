package org.lmssync.reliability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints the reliability suite's summary when a test run ends: per area and kind, how many were
 * tried and whether each held. Registered through META-INF/services, so {@code mvn -B verify}
 * prints it after the unit tests and again, complete, after the integration tests.
 */
public final class SuiteSummary implements TestExecutionListener {

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        if ("unit".equals(System.getProperty("reliability.phase"))) {
            SuiteLedger.reset();
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        List<SuiteLedger.Entry> entries = SuiteLedger.read();
        if (!entries.isEmpty()) {
            System.out.print(render(entries));
        }
    }

    static String render(List<SuiteLedger.Entry> entries) {
        StringBuilder out = new StringBuilder("\nReliability suite (" + SuiteLedger.FILE + ")\n");
        out.append(String.format("%-17s %-70s %8s %6s %s%n", "area", "kind", "count", "trials", "result"));
        long failed = 0;
        for (String area : SuiteLedger.AREAS) {
            Map<String, long[]> byKind = new LinkedHashMap<>();
            for (SuiteLedger.Entry e : entries) {
                if (e.area().equals(area)) {
                    long[] acc = byKind.computeIfAbsent(e.kind(), k -> new long[3]);
                    acc[0] += e.count();
                    acc[1]++;
                    acc[2] += e.passed() ? 0 : 1;
                }
            }
            for (var kind : byKind.entrySet()) {
                long[] acc = kind.getValue();
                failed += acc[2];
                out.append(String.format("%-17s %-70s %8d %6d %s%n", area, kind.getKey(), acc[0], acc[1],
                        acc[2] == 0 ? "pass" : "FAIL (" + acc[2] + ")"));
            }
        }
        out.append(failed == 0 ? "all held\n" : failed + " trial(s) failed\n");
        return out.toString();
    }
}
