package org.lmssync.engine.run;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a run tells those who watch it (metrics, health, a person's progress line): called at the
 * start and end of runs, resources and listings, and after each page commit, never per record.
 * An observer must be quick and must not throw; {@link #of} shields the run from one that does.
 * Every method is called from the run's own threads, several at once for concurrent listings.
 */
public interface RunObserver {
    /** Watches nothing. */
    RunObserver NONE = new RunObserver() {
    };

    /** A run of one LMS opened; {@code resources} in the order they will run. */
    default void runStarted(String lms, long runId, List<String> resources) {
    }

    /** A resource of the run starts with {@link ResourceRun#listings()} listings planned. */
    default void resourceStarted(ResourceRun run) {
    }

    default void listingStarted(ResourceRun run, Listing listing) {
    }

    /** A listing ended, completed or not; may be called twice for one listing (a failure after its end). */
    default void listingEnded(ResourceRun run, Listing listing) {
    }

    /** A page of the resource committed, taking {@code nanos}; its counters include that page. */
    default void pageCommitted(ResourceRun run, long nanos) {
    }

    /** The resource ended: {@code result} is what {@code sync_run_resources} now holds. */
    default void resourceFinished(ResourceRun run, RunResult.Resource result) {
    }

    /**
     * The run ended with {@code result} (also for a skipped trigger, run id 0);
     * {@code credentialsRejected} when the LMS refused the configured credentials in it.
     */
    default void runFinished(RunResult result, boolean credentialsRejected) {
    }

    /** All of them, in order; one that throws is logged and does not stop the run or the others. */
    static RunObserver of(List<RunObserver> observers) {
        List<RunObserver> all = List.copyOf(observers);
        if (all.isEmpty()) {
            return NONE;
        }
        return new Composite(all);
    }

    /** The observers behind {@link #of}. */
    final class Composite implements RunObserver {
        private static final Logger LOG = LoggerFactory.getLogger(RunObserver.class);
        private final List<RunObserver> all;

        private Composite(List<RunObserver> all) {
            this.all = all;
        }

        private void each(java.util.function.Consumer<RunObserver> call) {
            for (RunObserver o : all) {
                try {
                    call.accept(o);
                } catch (RuntimeException e) {
                    LOG.warn("run observer {} failed: {}", o.getClass().getName(), e.toString());
                }
            }
        }

        @Override
        public void runStarted(String lms, long runId, List<String> resources) {
            each(o -> o.runStarted(lms, runId, resources));
        }

        @Override
        public void resourceStarted(ResourceRun run) {
            each(o -> o.resourceStarted(run));
        }

        @Override
        public void listingStarted(ResourceRun run, Listing listing) {
            each(o -> o.listingStarted(run, listing));
        }

        @Override
        public void listingEnded(ResourceRun run, Listing listing) {
            each(o -> o.listingEnded(run, listing));
        }

        @Override
        public void pageCommitted(ResourceRun run, long nanos) {
            each(o -> o.pageCommitted(run, nanos));
        }

        @Override
        public void resourceFinished(ResourceRun run, RunResult.Resource result) {
            each(o -> o.resourceFinished(run, result));
        }

        @Override
        public void runFinished(RunResult result, boolean credentialsRejected) {
            each(o -> o.runFinished(result, credentialsRejected));
        }
    }
}
