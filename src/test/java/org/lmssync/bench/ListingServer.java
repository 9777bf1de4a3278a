package org.lmssync.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.lmssync.simulator.RequestLog;
import org.lmssync.simulator.SimRequest;
import org.lmssync.simulator.SimResponse;
import org.lmssync.simulator.SimServer;

/**
 * Serves a {@link SubmissionSource} over loopback with the project's simulator core, paged like
 * Canvas ({@code page}/{@code per_page}, RFC 8288 Link header), newest first by {@code graded_at}
 * as a watermark resource needs.
 */
final class ListingServer implements AutoCloseable {
    static final int MAX_PER_PAGE = 100;
    static final String PATH = "/wm/subs";

    private final SubmissionSource source = new SubmissionSource();
    private final SimServer server;

    ListingServer() {
        server = SimServer.builder().threads(4)
                .route(PATH, this::page)
                .start();
    }

    SubmissionSource source() {
        return source;
    }

    String baseUrl() {
        return server.baseUrl();
    }

    RequestLog requestLog() {
        return server.requestLog();
    }

    String listingUrl() {
        return server.baseUrl() + PATH;
    }

    private SimResponse page(SimRequest r) {
        int per = Math.max(1, Math.min(MAX_PER_PAGE, r.param("per_page").map(Integer::parseInt).orElse(10)));
        int page = Math.max(1, r.param("page").map(Integer::parseInt).orElse(1));
        int n = source.size();
        int from = (int) Math.min(n, (long) (page - 1) * per);
        int[] indices = source.newestFirst(from, per);
        StringBuilder body = new StringBuilder(indices.length * 1200 + 2).append('[');
        for (int k = 0; k < indices.length; k++) {
            if (k > 0) {
                body.append(',');
            }
            source.write(body, indices[k]);
        }
        body.append(']');
        String self = listingUrl() + "?per_page=" + per + "&page=";
        StringBuilder link = new StringBuilder("<").append(self).append(page).append(">; rel=\"current\"");
        if (from + per < n) {
            link.append(",<").append(self).append(page + 1).append(">; rel=\"next\"");
        }
        link.append(",<").append(self).append(1).append(">; rel=\"first\"");
        return new SimResponse(200, Map.of("Content-Type", List.of(SimResponse.JSON), "Link", List.of(link.toString())),
                body.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.close();
    }
}
