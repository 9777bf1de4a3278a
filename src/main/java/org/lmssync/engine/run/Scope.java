package org.lmssync.engine.run;

import java.util.Map;

/**
 * One listing of a resource: the parent row it is scoped to ({@code key} is "" for a root
 * resource), for fetch-by-date resources the date window, and for watermark resources with
 * incremental queries the index of the query this listing uses (null for the plain listing).
 */
public record Scope(String key, Map<String, String> parentValues, DateWindow window, Integer variant) {
    public static final String ROOT = "";

    public Scope(String key, Map<String, String> parentValues, DateWindow window) {
        this(key, parentValues, window, null);
    }

    /** The sync_state key: each incremental variant keeps its own resume point and watermark. */
    public String stateKey() {
        return variant == null ? key : key + "~" + variant;
    }

    public String describe() {
        String s = key.isEmpty() ? "" : " scope " + key;
        s = variant == null ? s : s + " (incremental query " + (variant + 1) + ")";
        return window == null ? s : s + " " + window.start() + ".." + window.end();
    }
}
