package org.lmssync.simulator;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Deterministic data helpers. Values are derived from (seed, keys) so any record can be
 * regenerated on demand without storing it, which keeps large districts cheap in memory.
 */
public final class DataGen {
    private static final String[] GIVEN = {
        "Ava", "Liam", "Mia", "Noah", "Emma", "Oliver", "Sofia", "Elijah", "Amara", "Mateo",
        "Chloe", "Kenji", "Zara", "Diego", "Priya", "Lucas", "Hana", "Omar", "Ines", "Tariq",
        "Lena", "Jonah", "Maya", "Felix", "Nia", "Arjun", "Ruby", "Theo", "Yara", "Sami"
    };
    private static final String[] FAMILY = {
        "Garcia", "Smith", "Nguyen", "Okafor", "Kowalski", "Haddad", "Johnson", "Silva", "Tanaka",
        "Muller", "Rossi", "Dubois", "Khan", "Lopez", "Brown", "Ivanova", "Chen", "Patel", "Moreau",
        "Andersen", "Costa", "Murphy", "Sato", "Fischer", "Diaz", "Kim", "Novak", "Reyes", "Ali", "Berg"
    };
    private static final String[] SUBJECTS = {
        "Algebra", "Biology", "Chemistry", "World History", "English", "Geometry", "Physics",
        "Spanish", "Art", "Music", "Economics", "Computer Science", "Literature", "Geography"
    };

    private DataGen() {
    }

    /** SplitMix64 finaliser: spreads nearby inputs over the whole long range. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Combines a seed and any number of keys into one well-mixed value. */
    public static long mix(long seed, long... keys) {
        long h = mix(seed + 0x9e3779b97f4a7c15L);
        for (long k : keys) {
            h = mix(h ^ mix(k + 0x632be59bd9b4e019L));
        }
        return h;
    }

    /** A random stream that depends only on (seed, keys). */
    public static SplittableRandom rng(long seed, long... keys) {
        return new SplittableRandom(mix(seed, keys));
    }

    public static String givenName(SplittableRandom r) {
        return GIVEN[r.nextInt(GIVEN.length)];
    }

    public static String familyName(SplittableRandom r) {
        return FAMILY[r.nextInt(FAMILY.length)];
    }

    public static String subject(SplittableRandom r) {
        return SUBJECTS[r.nextInt(SUBJECTS.length)];
    }

    @SafeVarargs
    public static <T> T pick(SplittableRandom r, T... options) {
        return options[r.nextInt(options.length)];
    }

    /** n random decimal digits (first digit may be zero). */
    public static String digits(SplittableRandom r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        return sb.toString();
    }

    /** n random lower-case letters. */
    public static String letters(SplittableRandom r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('a' + r.nextInt(26)));
        }
        return sb.toString();
    }

    /** A millisecond-precision instant in [from, to). */
    public static Instant instantBetween(SplittableRandom r, Instant from, Instant to) {
        long span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
        return Instant.ofEpochMilli(from.toEpochMilli() + r.nextLong(span));
    }
}
