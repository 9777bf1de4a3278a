package org.lmssync.simulator.canvas;

import org.lmssync.simulator.DataGen;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/** Derives a user's authentication events (generated plus added), newest first. Caller holds the lock. */
final class AuthEvents {
    /** Listing order: created_at descending, then id descending. */
    static final Comparator<AuthEvent> NEWEST_FIRST =
            Comparator.comparing(AuthEvent::createdAt).thenComparing(AuthEvent::id).reversed();

    private final District d;

    AuthEvents(District d) {
        this.d = d;
    }

    List<AuthEvent> forUser(UserData u) {
        List<AuthEvent> out = new ArrayList<>();
        int n = d.cfg.size().authEventsPerUser();
        if (u.ordinal < d.generatedUsers && n > 0) {
            long slotMs = Duration.ofDays(d.cfg.dataSpanDays()).toMillis() / n;
            for (int k = 0; k < n; k++) {
                SplittableRandom r = DataGen.rng(d.seed, 50, u.ordinal, k);
                Instant at = d.dataStart.plusMillis(slotMs * k + r.nextLong(Math.max(1, slotMs)))
                        .truncatedTo(ChronoUnit.SECONDS);
                out.add(new AuthEvent(id(u.ordinal, k), at, k % 2 == 0 ? "login" : "logout", u.id, u.pseudonymId(),
                        District.ROOT_ACCOUNT_ID));
            }
        }
        out.addAll(d.addedAuthEvents.getOrDefault(u.id, List.of()));
        out.sort(NEWEST_FIRST);
        return out;
    }

    String id(long userOrdinal, long k) {
        return new UUID(DataGen.mix(d.seed, 51, userOrdinal, k), DataGen.mix(d.seed, 52, userOrdinal, k)).toString();
    }
}
