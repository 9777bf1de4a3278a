package org.lmssync.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.lmssync.SyncTestSupport;
import org.lmssync.demo.DemoCommand;
import org.lmssync.simulator.LmsSimulator;
import org.lmssync.simulator.SimOptions;
import org.lmssync.simulator.Simulators;

/**
 * Syncs a demo district (the demo's own simulator set-up and change set) into a real SQLite file
 * with the real app, exports it with the real {@code export} command, and reads the tree back
 * through {@link LoaderContract}.
 */
abstract class ExportTestSupport extends SyncTestSupport {
    protected LmsSimulator demo;
    protected Path udm;

    /** Starts {@code lms}'s small district as {@code demo} does and points the app at it. */
    protected <T extends LmsSimulator> T start(String lms, Class<T> type) {
        SimOptions options = DemoCommand.options("small");
        T source = type.cast(Simulators.named(lms).start(options));
        demo = source;
        udm = dir.resolve("udm");
        config.put("lms.routes-dir", Path.of("routes").toAbsolutePath().toString());
        config.put("lms.testlms.enabled", "false");
        config.put("lms.school-year-start", options.schoolYearStart().toString());
        config.putAll(source.settings(dir.resolve("demo")));
        // the Schoology simulator admits 50 requests per 5 s; the default budget of 5/s makes the test slow
        config.put("lms.schoology.requests-per-second", "9");
        return source;
    }

    @AfterEach
    void stopDemo() {
        if (demo != null) {
            demo.close();
        }
    }

    protected void sync() throws Exception {
        assertEquals(0, run("once", "--lms", demo.lms()), lastErr);
    }

    /** Runs {@code export} and checks the whole tree against the loader's rules. */
    protected LoaderContract.Tree export(String sourceSystem, Set<String> sectionEntities) throws Exception {
        assertEquals(0, run("export", "--udm", udm.toString(), "--lms", demo.lms()), lastErr + lastOut);
        return LoaderContract.check(udm.resolve(demo.lms()), sourceSystem, sectionEntities, true);
    }

    /** The values of the first column of a query, as a set. */
    protected Set<String> set(String sql) throws SQLException {
        Set<String> out = new HashSet<>();
        for (Map<String, Object> row : query(sql)) {
            out.add(String.valueOf(row.values().iterator().next()));
        }
        return out;
    }

    protected List<Map<String, Object>> rows(String sql) throws SQLException {
        return query(sql);
    }

    /** The sync DB's ISO time as the export writes it. */
    protected static String udmDate(Object iso) {
        return UdmValues.utc(String.valueOf(iso));
    }
}
