package org.lmssync.engine.resource;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import org.lmssync.engine.http.LinkHeader;
import org.lmssync.engine.http.Urls;

/**
 * How an API says where the next page is. One implementation per kind; every resource uses one.
 * A null next URL ends the listing.
 */
public sealed interface Paging {

    /** The first page's URL: the resource URL plus the page-size parameter. */
    default String firstPage(String url, String pageSizeParam, int pageSize) {
        return Urls.withParam(url, pageSizeParam, Integer.toString(pageSize));
    }

    /**
     * @param requestUrl the URL this page was fetched from
     * @param headers    the response headers (case-insensitive map)
     * @param envelope   the response body's fields other than the records (empty for a bare array)
     */
    String next(String requestUrl, Map<String, Object> headers, JsonNode envelope);

    /** RFC 8288 {@code Link: <…>; rel="next"}; the URL is opaque (page numbers or bookmarks). */
    record LinkRelNext() implements Paging {
        @Override
        public String next(String requestUrl, Map<String, Object> headers, JsonNode envelope) {
            Object link = headers.get("Link");
            return LinkHeader.find(link == null ? null : link.toString(), "next");
        }
    }

    /** A page token in the body ({@code nextPageToken}), sent back as a query parameter. */
    record PageToken(FieldPath tokenField, String tokenParam) implements Paging {
        @Override
        public String next(String requestUrl, Map<String, Object> headers, JsonNode envelope) {
            String token = tokenField.text(envelope);
            return token == null ? null : Urls.withParam(requestUrl, tokenParam, token);
        }
    }

    /** Offset paging ({@code start}/{@code limit}) where the body carries an absolute next URL. */
    record OffsetNextLink(FieldPath nextField) implements Paging {
        @Override
        public String next(String requestUrl, Map<String, Object> headers, JsonNode envelope) {
            return nextField.text(envelope);
        }
    }

    /** An unpaged endpoint: one request, no page-size parameter, no next page. */
    record None() implements Paging {
        @Override
        public String firstPage(String url, String pageSizeParam, int pageSize) {
            return url;
        }

        @Override
        public String next(String requestUrl, Map<String, Object> headers, JsonNode envelope) {
            return null;
        }
    }

    static Paging of(String kind) {
        return switch (kind.trim().toLowerCase(Locale.ROOT)) {
            case "link" -> new LinkRelNext();
            case "token" -> new PageToken(FieldPath.parse("nextPageToken"), "pageToken");
            case "offset" -> new OffsetNextLink(FieldPath.parse("links.next"));
            case "none" -> new None();
            default -> throw new IllegalArgumentException("paging '" + kind + "' is not one of link, token, offset, none");
        };
    }
}
