package org.lmssync.engine.resource;

/**
 * Where an identity column's value comes from: a field of the record, a column of the parent row
 * that scopes the request ({@code @parent.id}), or the date a fetch-by-date request asked for
 * ({@code @date}).
 */
public sealed interface ValueSource {
    record RecordField(FieldPath path) implements ValueSource {
    }

    record ParentColumn(String column) implements ValueSource {
    }

    record RequestDate() implements ValueSource {
    }

    static ValueSource parse(String text) {
        String t = text.trim();
        if (t.equals("@date")) {
            return new RequestDate();
        }
        if (t.startsWith("@parent.")) {
            return new ParentColumn(org.lmssync.store.Schema.identifier("parent column", t.substring("@parent.".length())));
        }
        if (t.startsWith("@")) {
            throw new IllegalArgumentException("'" + t + "' is not a source: use a record field, @parent.<column> or @date");
        }
        return new RecordField(FieldPath.parse(t));
    }
}
