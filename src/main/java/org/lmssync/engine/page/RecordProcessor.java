package org.lmssync.engine.page;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.lmssync.engine.resource.FieldPath;
import org.lmssync.engine.resource.IdentityColumn;
import org.lmssync.engine.resource.ResourceDefinition;
import org.lmssync.engine.resource.ValueSource;
import org.lmssync.engine.run.Listing;
import org.lmssync.engine.run.RecordResult;
import org.lmssync.engine.run.ResourceRun;
import org.lmssync.engine.run.ResourceSync;
import org.lmssync.engine.run.RunLog;
import org.lmssync.engine.run.Scope;
import org.lmssync.engine.run.Times;

/**
 * The per-record step: identity, source dates and canonical hash of one record. A record that
 * cannot be stored becomes a {@link RecordResult.Rejected}; it never fails the page. A plain
 * {@link Processor} rather than a bean method: it runs once per record, where bean binding costs.
 */
public final class RecordProcessor implements Processor {

    @Override
    public void process(Exchange exchange) {
        ResourceRun run = exchange.getProperty(ResourceSync.RUN, ResourceRun.class);
        exchange.getMessage().setBody(process(exchange.getMessage().getBody(RawRecord.class), run.definition(),
                exchange.getProperty(ResourceSync.LISTING, Listing.class).scope()));
    }

    /** The record arrives parsed: the page reader built its tree while cutting out its text. */
    public RecordResult process(RawRecord record, ResourceDefinition def, Scope scope) {
        try {
            return map(record, def, scope);
        } catch (RuntimeException e) {
            // whatever a record's content trips over, it is that record's fault, not the page's
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
            return new RecordResult.Rejected("record could not be read: " + RunLog.quoted(why), record.json());
        }
    }

    private RecordResult map(RawRecord record, ResourceDefinition def, Scope scope) {
        JsonNode node = record.tree();
        String raw = record.json();
        if (node == null || !node.isObject()) {
            return new RecordResult.Rejected("record is not a JSON object", raw);
        }
        String asOf = asOfDate(node, def, scope);
        List<String> identity = new ArrayList<>(def.identity().size());
        for (IdentityColumn c : def.identity()) {
            String v = value(c.source(), node, scope, asOf);
            if (v == null || v.isEmpty()) {
                return new RecordResult.Rejected("missing identity " + c.column() + " (" + describe(c.source()) + ")", raw);
            }
            identity.add(v);
        }
        return new RecordResult.Accepted(identity, raw, CanonicalHash.of(node),
                date(node, def.sourceCreated()), date(node, def.sourceModified()),
                latest(node, def.watermarkFields()), asOf);
    }

    private static String asOfDate(JsonNode node, ResourceDefinition def, Scope scope) {
        if (scope.window() == null) {
            return null;
        }
        if (def.asOfField() != null) {
            String d = Times.normalise(def.asOfField().text(node));
            if (d != null) {
                return d.substring(0, 10);
            }
        }
        return (scope.window().days() == 1 ? scope.window().start() : scope.window().end()).toString();
    }

    /** The latest of the watermark fields (e.g. submitted_at and graded_at). */
    private static String latest(JsonNode node, List<FieldPath> paths) {
        String max = null;
        for (FieldPath p : paths) {
            String d = date(node, p);
            if (d != null && (max == null || d.compareTo(max) > 0)) {
                max = d;
            }
        }
        return max;
    }

    private static String date(JsonNode node, FieldPath path) {
        return path == null ? null : Times.normalise(path.text(node));
    }

    private static String value(ValueSource s, JsonNode node, Scope scope, String asOf) {
        if (s instanceof ValueSource.RecordField f) {
            return f.path().text(node);
        }
        if (s instanceof ValueSource.ParentColumn p) {
            return scope.parentValues().get(p.column());
        }
        return asOf;
    }

    private static String describe(ValueSource s) {
        if (s instanceof ValueSource.RecordField f) {
            return "field " + f.path();
        }
        if (s instanceof ValueSource.ParentColumn p) {
            return "parent column " + p.column();
        }
        return "request date";
    }
}
