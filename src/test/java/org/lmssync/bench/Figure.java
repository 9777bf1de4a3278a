package org.lmssync.bench;

/**
 * One line of the results: a measured value, its unit, the target it is held to (blank when it
 * is only informative) and whether it met it (null when there is no target).
 */
record Figure(String name, double value, String unit, String target, Boolean met, String detail) {

    static Figure info(String name, double value, String unit, String detail) {
        return new Figure(name, value, unit, "", null, detail);
    }

    static Figure atLeast(String name, double value, String unit, double target, String detail) {
        return new Figure(name, value, unit, "≥ " + Report.number(target), value >= target, detail);
    }

    static Figure atMost(String name, double value, String unit, double target, String detail) {
        return new Figure(name, value, unit, "≤ " + Report.number(target), value <= target, detail);
    }

    static Figure check(String name, double value, String unit, String target, boolean met, String detail) {
        return new Figure(name, value, unit, target, met, detail);
    }
}
