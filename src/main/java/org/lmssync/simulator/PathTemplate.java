package org.lmssync.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches paths like {@code /v1/courses/{courseId}/students} segment by segment and returns
 * the captured variables. A variable matches exactly one non-empty segment.
 */
public final class PathTemplate {
    private final String template;
    private final List<String> segments;

    public PathTemplate(String template) {
        this.template = template;
        this.segments = split(template);
    }

    public Optional<Map<String, String>> match(String path) {
        List<String> parts = split(path);
        if (parts.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            String seg = segments.get(i);
            String part = parts.get(i);
            if (seg.startsWith("{") && seg.endsWith("}")) {
                if (part.isEmpty()) {
                    return Optional.empty();
                }
                vars.put(seg.substring(1, seg.length() - 1), part);
            } else if (!seg.equals(part)) {
                return Optional.empty();
            }
        }
        return Optional.of(vars);
    }

    @Override
    public String toString() {
        return template;
    }

    private static List<String> split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return new ArrayList<>(List.of(p.split("/", -1)));
    }
}
