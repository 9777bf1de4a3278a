package org.lmssync.simulator;

import java.time.LocalDate;

/**
 * How {@link SimulatorProvider#start} shapes a district.
 *
 * @param size            {@code small} or {@code medium}
 * @param seed            the generator's seed: the same seed gives the same district
 * @param schoolYearStart the first day of the current school year for districts that have one
 *                        (dated records fall after it); null leaves the simulator's own
 */
public record SimOptions(String size, long seed, LocalDate schoolYearStart) {

    public SimOptions {
        if (size == null || size.isBlank()) {
            throw new IllegalArgumentException("a district size is required");
        }
    }

    /** Picks {@code medium} or {@code small}; anything else is refused. */
    public <T> T pick(T small, T medium) {
        return switch (size) {
            case "small" -> small;
            case "medium" -> medium;
            default -> throw new IllegalArgumentException("no district size '" + size + "' (small or medium)");
        };
    }
}
