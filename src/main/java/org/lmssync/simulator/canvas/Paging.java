package org.lmssync.simulator.canvas;

import com.fasterxml.jackson.databind.node.ArrayNode;
import org.lmssync.simulator.SimRequest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Cuts a complete, ordered listing into one Canvas page and builds its Link header. Numeric
 * ("ordinal") collections use page=1,2,… and know their last page; bookmark collections use
 * page=first then page=bookmark:… and have neither prev nor last.
 */
final class Paging {
    private final CanvasSimConfig cfg;
    private final Supplier<String> baseUrl;

    Paging(CanvasSimConfig cfg, Supplier<String> baseUrl) {
        this.cfg = cfg;
        this.baseUrl = baseUrl;
    }

    /** One page of items plus its Link header value (null when there is none). */
    record Page<T>(List<T> items, String link) {
    }

    /** A page value Canvas cannot resolve; answered with 404 as Canvas does. */
    static final class InvalidPage extends RuntimeException {
        InvalidPage() {
            super(null, null, false, false);
        }
    }

    /** Orders a bookmark collection: the key stored in a bookmark, and where an item lies relative to one. */
    interface BookmarkOrder<T> {
        ArrayNode key(T item);

        /** Positive when {@code item} comes after the bookmarked position in listing order. */
        int compareToKey(T item, ArrayNode key);
    }

    /** per_page as Canvas reads it: Ruby to_i, then clamped into [1, max]. */
    int perPage(SimRequest req) {
        Optional<String> raw = req.param("per_page");
        long n = raw.map(Paging::rubyToI).orElse((long) cfg.defaultPerPage());
        return (int) Math.max(1, Math.min(cfg.maxPerPage(), n));
    }

    <T> Page<T> numeric(SimRequest req, List<T> all) {
        int perPage = perPage(req);
        int page = numericPage(req);
        int lastPage = Math.max(1, (all.size() + perPage - 1) / perPage);
        long from = (long) (page - 1) * perPage;
        Map<String, String> rels = new LinkedHashMap<>();
        rels.put("current", String.valueOf(page));
        if (page > 1) {
            rels.put("prev", String.valueOf(page - 1));
        }
        rels.put("first", "1");
        List<T> items;
        if (from >= all.size() && page > 1) {
            // Past the end: an empty page with no next and no known last, rather than a 404.
            items = List.of();
        } else {
            int to = (int) Math.min(all.size(), from + perPage);
            items = List.copyOf(all.subList((int) from, to));
            if (page < lastPage) {
                rels.put("next", String.valueOf(page + 1));
            }
            if (cfg.numericLastLink()) {
                rels.put("last", String.valueOf(lastPage));
            }
        }
        return new Page<>(items, link(req, rels, perPage));
    }

    <T> Page<T> bookmarked(SimRequest req, List<T> all, BookmarkOrder<T> order) {
        int perPage = perPage(req);
        String current = req.param("page").filter(p -> !p.isEmpty()).orElse(Bookmark.FIRST);
        int from = 0;
        if (!current.equals(Bookmark.FIRST)) {
            ArrayNode key = Bookmark.decode(current).orElseThrow(InvalidPage::new);
            from = all.size();
            try {
                for (int i = 0; i < all.size(); i++) {
                    if (order.compareToKey(all.get(i), key) > 0) {
                        from = i;
                        break;
                    }
                }
            } catch (InvalidPage e) {
                throw e;
            } catch (RuntimeException e) {
                // A bookmark whose contents do not fit this listing's order.
                throw new InvalidPage();
            }
        }
        int to = Math.min(all.size(), from + perPage);
        List<T> items = List.copyOf(all.subList(from, to));
        Map<String, String> rels = new LinkedHashMap<>();
        rels.put("current", current);
        if (to < all.size() && !items.isEmpty()) {
            rels.put("next", Bookmark.encode(order.key(items.get(items.size() - 1))));
        }
        rels.put("first", Bookmark.FIRST);
        return new Page<>(items, link(req, rels, perPage));
    }

    private String link(SimRequest req, Map<String, String> rels, int perPage) {
        return LinkHeader.build(baseUrl.get() + req.path(), req.params(), rels, perPage, cfg.linkHeaderMaxBytes());
    }

    private static int numericPage(SimRequest req) {
        Optional<String> raw = req.param("page").filter(p -> !p.isEmpty());
        if (raw.isEmpty()) {
            return 1;
        }
        String p = raw.get();
        if (!p.chars().allMatch(Character::isDigit) || p.length() > 9 || Integer.parseInt(p) < 1) {
            throw new InvalidPage();
        }
        return Integer.parseInt(p);
    }

    /** Ruby String#to_i: optional leading blanks and sign, then as many digits as there are; else 0. */
    static long rubyToI(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long n = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && n < 1_000_000_000L) {
            n = n * 10 + (s.charAt(i) - '0');
            i++;
        }
        return negative ? -n : n;
    }
}
