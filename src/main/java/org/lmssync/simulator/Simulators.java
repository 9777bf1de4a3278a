package org.lmssync.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The simulators this build has, found with {@link ServiceLoader} in the order of its services file. */
public final class Simulators {
    private Simulators() {
    }

    public static List<SimulatorProvider> all() {
        List<SimulatorProvider> out = new ArrayList<>();
        ServiceLoader.load(SimulatorProvider.class).forEach(out::add);
        return out;
    }

    public static List<String> names() {
        return all().stream().map(SimulatorProvider::lms).toList();
    }

    public static SimulatorProvider named(String lms) {
        return all().stream().filter(p -> p.lms().equals(lms)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no simulator for '" + lms + "' (have " + names() + ")"));
    }
}
