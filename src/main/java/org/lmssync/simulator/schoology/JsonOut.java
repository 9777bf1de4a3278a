package org.lmssync.simulator.schoology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.lmssync.simulator.Json;
import org.lmssync.simulator.SimResponse;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Serialises Schoology JSON. PHP's json_encode writes "/" as "\/", so by default we do too. */
final class JsonOut {
    private static final ObjectWriter ESCAPING = Json.mapper().writer().with(new SlashEscapes());
    private static final ObjectWriter PLAIN = Json.mapper().writer();

    private final boolean escapeSlashes;

    JsonOut(boolean escapeSlashes) {
        this.escapeSlashes = escapeSlashes;
    }

    byte[] bytes(JsonNode node) {
        try {
            return (escapeSlashes ? ESCAPING : PLAIN).writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    SimResponse response(int status, JsonNode node) {
        return new SimResponse(status, Map.of("Content-Type", List.of(SimResponse.JSON)), bytes(node));
    }

    /** Standard JSON escapes plus a custom one for the solidus. */
    private static final class SlashEscapes extends CharacterEscapes {
        private static final SerializedString SLASH = new SerializedString("\\/");
        private final int[] codes;

        SlashEscapes() {
            codes = CharacterEscapes.standardAsciiEscapesForJSON();
            codes['/'] = CharacterEscapes.ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return codes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == '/' ? SLASH : null;
        }
    }
}
