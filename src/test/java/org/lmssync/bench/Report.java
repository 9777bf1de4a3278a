package org.lmssync.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects the figures, prints them as a table and writes them with the machine facts as JSON. */
final class Report {
    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, String> settings;
    private final PrintStream out;

    Report(Map<String, String> settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    void add(Figure f) {
        figures.add(f);
        out.printf("BENCH %s = %s %s%s%n", f.name(), value(f), f.unit(),
                f.detail().isEmpty() ? "" : " (" + f.detail() + ")");
    }

    List<Figure> figures() {
        return List.copyOf(figures);
    }

    /** Ratios always with two decimals, so that 1.00 reads as a ratio. */
    private static String value(Figure f) {
        return "ratio".equals(f.unit()) ? String.format(Locale.ROOT, "%.2f", f.value()) : number(f.value());
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.0f" : Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
    }

    void printTable() {
        int w = figures.stream().mapToInt(f -> f.name().length()).max().orElse(10);
        String row = "%-" + w + "s  %14s %-10s %-8s %-4s  %s%n";
        out.println();
        out.printf(row, "figure", "value", "unit", "target", "met", "detail");
        for (Figure f : figures) {
            out.printf(row, f.name(), value(f), f.unit(), f.target(),
                    f.met() == null ? "" : f.met() ? "yes" : "NO", f.detail());
        }
        out.println();
    }

    void writeJson(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("date", Instant.now().toString());
        ObjectNode machine = root.putObject("machine");
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        machine.put("benchHeapMb", Runtime.getRuntime().maxMemory() >> 20);
        ObjectNode s = root.putObject("settings");
        settings.forEach(s::put);
        ArrayNode list = root.putArray("figures");
        for (Figure f : figures) {
            ObjectNode o = list.addObject().put("figure", f.name());
            if (Double.isNaN(f.value())) {
                o.putNull("value");
            } else {
                o.put("value", f.value());
            }
            o.put("unit", f.unit()).put("target", f.target());
            if (f.met() == null) {
                o.putNull("met");
            } else {
                o.put("met", f.met());
            }
            o.put("detail", f.detail());
        }
        Files.createDirectories(file.getParent());
        json.writeValue(file.toFile(), root);
    }
}
