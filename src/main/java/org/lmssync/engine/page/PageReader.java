package org.lmssync.engine.page;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Handler;
import org.lmssync.engine.http.MalformedPageException;
import org.lmssync.engine.http.Urls;
import org.lmssync.engine.resource.FieldPath;
import org.lmssync.engine.resource.ResourceDefinition;
import org.lmssync.engine.run.Listing;
import org.lmssync.engine.run.ResourceRun;
import org.lmssync.engine.run.ResourceSync;

/**
 * Reads one page: finds the records, cuts each one out of the body exactly as the API sent it
 * while parsing it (one pass: the record step does not parse again), and works out the next page.
 * The body becomes the list of records, for the split.
 */
public final class PageReader {
    private final ObjectMapper mapper;
    private final JsonFactory factory;

    public PageReader(ObjectMapper mapper) {
        this.mapper = mapper;
        this.factory = mapper.getFactory();
    }

    /** A page as read: the records and the non-record fields. */
    public record Page(List<RawRecord> records, JsonNode envelope) {
        /** The records' texts, as sent. */
        public List<String> texts() {
            return records.stream().map(RawRecord::json).toList();
        }
    }

    @Handler
    public void read(Exchange exchange) {
        ResourceRun run = exchange.getProperty(ResourceSync.RUN, ResourceRun.class);
        ResourceDefinition def = run.definition();
        Listing listing = exchange.getProperty(ResourceSync.LISTING, Listing.class);
        Page page = parse(exchange, def.itemsField());
        Map<String, Object> headers = exchange.getMessage().getHeaders();
        run.lms().adapter().onResponse(headers, run.lms().budget());
        if (def.partialField() != null && hasPartialWarning(page.envelope(), def)) {
            listing.markPartialData();
        }
        String next = def.paging().next(listing.currentUrl(), headers, page.envelope());
        if (!listing.advance(next)) {
            listing.fail("paging loop: the next page link of " + Urls.withoutQuery(listing.currentUrl())
                    + " points back to a page already read in this listing; stopped");
        }
        exchange.getMessage().setBody(page.records());
    }

    /**
     * The reply's bytes go to the parser as they came when they are UTF-8 (JSON's encoding, and
     * what the APIs send): decoding the whole page into a String first cost more than parsing it.
     * A reply that names another charset is decoded by Camel as before.
     */
    private Page parse(Exchange exchange, FieldPath itemsField) {
        String charset = exchange.getProperty(Exchange.CHARSET_NAME, String.class);
        if (charset == null || StandardCharsets.UTF_8.name().equalsIgnoreCase(charset)) {
            byte[] bytes = exchange.getMessage().getBody(byte[].class);
            return parse(bytes == null ? new byte[0] : bytes, itemsField);
        }
        String body = exchange.getMessage().getBody(String.class);
        return parse(body == null ? "" : body, itemsField);
    }

    /** Public for tests: splits a body into raw records and the envelope. */
    public Page parse(String body, FieldPath itemsField) {
        return parse(Body.of(body), itemsField);
    }

    /** Public for tests: the same from the UTF-8 bytes of a body. */
    public Page parse(byte[] utf8, FieldPath itemsField) {
        return parse(Body.of(utf8), itemsField);
    }

    /** A reply body as text or as UTF-8 bytes: where the parser's offsets point, and the text between two. */
    private interface Body {
        JsonParser parser(JsonFactory factory) throws IOException;

        long offset(JsonLocation at);

        String cut(int start, int end);

        static Body of(String text) {
            return new Body() {
                public JsonParser parser(JsonFactory f) throws IOException {
                    return f.createParser(text);
                }

                public long offset(JsonLocation at) {
                    return at.getCharOffset();
                }

                public String cut(int start, int end) {
                    return text.substring(start, end);
                }
            };
        }

        static Body of(byte[] utf8) {
            return new Body() {
                public JsonParser parser(JsonFactory f) throws IOException {
                    return f.createParser(utf8);
                }

                public long offset(JsonLocation at) {
                    return at.getByteOffset();
                }

                public String cut(int start, int end) {
                    return new String(utf8, start, end - start, StandardCharsets.UTF_8);
                }
            };
        }
    }

    private Page parse(Body body, FieldPath itemsField) {
        List<RawRecord> records = new ArrayList<>();
        ObjectNode envelope = mapper.createObjectNode();
        try (JsonParser p = body.parser(factory)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new MalformedPageException("empty reply body", true, null);
            }
            if (itemsField == null) {
                if (first != JsonToken.START_ARRAY) {
                    throw new MalformedPageException("expected a JSON array of records, got " + first, false, null);
                }
                readArray(p, body, records);
            } else {
                if (first != JsonToken.START_OBJECT) {
                    throw new MalformedPageException("expected a JSON object with '" + itemsField + "', got " + first, false, null);
                }
                String items = itemsField.name(0);
                boolean nested = itemsField.parts().size() > 1 || itemsField.list(0);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (name.equals(items) && value == JsonToken.START_ARRAY && !nested) {
                        readArray(p, body, records);
                    } else if (name.equals(items) && nested) {
                        descend(p, body, itemsField, 0, records);
                    } else {
                        envelope.set(name, p.readValueAsTree());
                    }
                }
            }
            if (p.nextToken() != null) {
                throw new MalformedPageException("unexpected content after the JSON value", true, null);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Truncated or garbled JSON: most often a connection cut mid-body, so worth a retry.
            throw new MalformedPageException("reply is not valid JSON: " + e.getOriginalMessage(), true, e);
        } catch (IOException e) {
            throw new MalformedPageException("cannot read the reply: " + e.getMessage(), true, e);
        }
        return new Page(records, envelope);
    }

    /**
     * A nested items path ({@code date[].statuses.status[].attendances.attendance}): the parser is
     * on the value of step {@code i}; the records of the last step are cut out as they came, from
     * every element the {@code []} steps go through. Anything of another shape is skipped.
     */
    private static void descend(JsonParser p, Body body, FieldPath path, int i, List<RawRecord> into) throws IOException {
        JsonToken t = p.currentToken();
        int last = path.parts().size() - 1;
        if (i == last && !path.list(i)) {
            if (t == JsonToken.START_ARRAY) {
                readArray(p, body, into);
            } else {
                p.skipChildren();
            }
        } else if (path.list(i) && t == JsonToken.START_ARRAY) {
            JsonToken e;
            while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                if (e == null) {
                    throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected end of array");
                }
                if (i == last) {
                    // "name[]" as the last step: the elements are the records
                    into.add(record(p, body));
                } else if (e == JsonToken.START_OBJECT) {
                    scanObject(p, body, path, i + 1, into);
                } else {
                    p.skipChildren();
                }
            }
        } else if (!path.list(i) && t == JsonToken.START_OBJECT) {
            scanObject(p, body, path, i + 1, into);
        } else {
            p.skipChildren();
        }
    }

    /** Inside an object: descends into the field of step {@code i}, skips the others. */
    private static void scanObject(JsonParser p, Body body, FieldPath path, int i, List<RawRecord> into) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (name.equals(path.name(i))) {
                descend(p, body, path, i, into);
            } else {
                p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected end of object");
        }
    }

    private static void readArray(JsonParser p, Body body, List<RawRecord> into) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected end of array");
            }
            into.add(record(p, body));
        }
    }

    /** The value the parser is on, as text (exactly as sent) and as a tree; the parser ends on its last token. */
    private static RawRecord record(JsonParser p, Body body) throws IOException {
        int start = (int) body.offset(p.currentTokenLocation());
        JsonNode tree = p.readValueAsTree();
        return new RawRecord(body.cut(start, (int) body.offset(p.currentLocation())), tree);
    }

    private static boolean hasPartialWarning(JsonNode envelope, ResourceDefinition def) {
        JsonNode warnings = def.partialField().find(envelope);
        if (warnings == null) {
            return false;
        }
        for (JsonNode w : warnings.isArray() ? warnings : List.of(warnings)) {
            String code = w.isObject() ? w.path("code").asText("") : w.asText("");
            if (def.partialCodes().isEmpty() || def.partialCodes().contains(code)) {
                return true;
            }
        }
        return false;
    }
}
