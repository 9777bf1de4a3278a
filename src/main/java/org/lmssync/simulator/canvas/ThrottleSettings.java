package org.lmssync.simulator.canvas;

import java.time.Duration;

/**
 * Canvas's per-client leaky bucket. The defaults are Canvas's own settings; the request cost
 * model is ours (real Canvas charges CPU plus database seconds, which a simulator has no
 * meaningful equivalent of).
 *
 * @param enabled          false: never throttle, but still account and send the headers (as Canvas
 *                         does when its throttle is switched off)
 * @param highWaterMark    the bucket is "full" when its count reaches this
 * @param maximum          the count never goes above this
 * @param outflowPerSecond leak rate
 * @param upFrontCost      reserved while a request is in flight, refunded when it completes
 * @param costBase         simulated cost of any request
 * @param costPerRecord    added per record in the response body
 * @param throttledStatus  403 (Canvas's code) or 429 (one newer doc page)
 * @param throttledBody    null: "{status} {reason} (Rate Limit Exceeded)\n"
 * @param latencyBase      simulated handling time, during which the up-front cost stays reserved
 * @param latencyPerRecord added per record in the response body
 */
public record ThrottleSettings(
        boolean enabled,
        double highWaterMark,
        double maximum,
        double outflowPerSecond,
        double upFrontCost,
        double costBase,
        double costPerRecord,
        int throttledStatus,
        String throttledBody,
        Duration latencyBase,
        Duration latencyPerRecord) {

    public ThrottleSettings {
        if (throttledStatus != 403 && throttledStatus != 429) {
            throw new IllegalArgumentException("throttledStatus must be 403 or 429: " + throttledStatus);
        }
        if (maximum < highWaterMark || outflowPerSecond < 0 || upFrontCost < 0 || costBase < 0 || costPerRecord < 0) {
            throw new IllegalArgumentException("bad throttle settings");
        }
        latencyBase = latencyBase == null ? Duration.ZERO : latencyBase;
        latencyPerRecord = latencyPerRecord == null ? Duration.ZERO : latencyPerRecord;
    }

    /**
     * Canvas's bucket (hwm 600, maximum 800, 10 units/s, 50 up front); a request costs 0.5 plus
     * 0.005 per record, so a full page of 100 costs 1.0 and one request per second never throttles.
     */
    public static ThrottleSettings canvasDefaults() {
        return new ThrottleSettings(true, 600, 800, 10, 50, 0.5, 0.005, 403, null, Duration.ZERO, Duration.ZERO);
    }

    public ThrottleSettings withEnabled(boolean v) {
        return new ThrottleSettings(v, highWaterMark, maximum, outflowPerSecond, upFrontCost, costBase, costPerRecord,
                throttledStatus, throttledBody, latencyBase, latencyPerRecord);
    }

    public ThrottleSettings withBucket(double hwm, double max, double outflow, double upFront) {
        return new ThrottleSettings(enabled, hwm, max, outflow, upFront, costBase, costPerRecord,
                throttledStatus, throttledBody, latencyBase, latencyPerRecord);
    }

    public ThrottleSettings withCost(double base, double perRecord) {
        return new ThrottleSettings(enabled, highWaterMark, maximum, outflowPerSecond, upFrontCost, base, perRecord,
                throttledStatus, throttledBody, latencyBase, latencyPerRecord);
    }

    public ThrottleSettings withThrottledStatus(int status) {
        return new ThrottleSettings(enabled, highWaterMark, maximum, outflowPerSecond, upFrontCost, costBase,
                costPerRecord, status, throttledBody, latencyBase, latencyPerRecord);
    }

    public ThrottleSettings withThrottledBody(String body) {
        return new ThrottleSettings(enabled, highWaterMark, maximum, outflowPerSecond, upFrontCost, costBase,
                costPerRecord, throttledStatus, body, latencyBase, latencyPerRecord);
    }

    public ThrottleSettings withLatency(Duration base, Duration perRecord) {
        return new ThrottleSettings(enabled, highWaterMark, maximum, outflowPerSecond, upFrontCost, costBase,
                costPerRecord, throttledStatus, throttledBody, base, perRecord);
    }

    /** Cost charged at completion for a response carrying {@code records} records. */
    public double cost(int records) {
        return costBase + costPerRecord * records;
    }

    public Duration latency(int records) {
        return latencyBase.plus(latencyPerRecord.multipliedBy(records));
    }

    public String body() {
        if (throttledBody != null) {
            return throttledBody;
        }
        String reason = throttledStatus == 403 ? "Forbidden" : "Too Many Requests";
        return throttledStatus + " " + reason + " (Rate Limit Exceeded)\n";
    }
}
