package org.lmssync.demo;

import java.nio.file.Path;
import java.util.Map;

/** One LMS simulator as the demo uses it: start it, point the config at it, change its data. */
public interface DemoSource extends AutoCloseable {

    /** The LMS name ({@code google}, …). */
    String lms();

    /** The keys that point this LMS at the running simulator; files it needs go into {@code dir}. */
    Map<String, String> settings(Path dir);

    /** Applies a change set (adds, edits, deletes) and returns a one-line description of it. */
    String change();

    /** Requests the simulator has answered so far. */
    long requests();

    @Override
    void close();
}
