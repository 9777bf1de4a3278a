package org.lmssync.engine;

import java.util.Map;

/**
 * One listing of a resource: the parent row it is scoped to ({@code key} is "" for a root
 * resource) and, for fetch-by-date resources, the date window.
 */
public record Scope(String key, Map<String, String> parentValues, DateWindow window) {
    public static final String ROOT = "";

    public String describe() {
        String s = key.isEmpty() ? "" : " scope " + key;
        return window == null ? s : s + " " + window.start() + ".." + window.end();
    }
}
