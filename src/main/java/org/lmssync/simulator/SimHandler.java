package org.lmssync.simulator;

/** Answers one request. Exceptions become a 500 from the server. */
@FunctionalInterface
public interface SimHandler {
    SimResponse handle(SimRequest request) throws Exception;
}
