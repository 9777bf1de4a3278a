package org.lmssync.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * A hash of a JSON value that ignores key order and whitespace: objects are fed with their keys
 * sorted, every value with a type tag and a length, so that no two different values collide by
 * concatenation. SHA-256, first 128 bits, as hex.
 */
public final class CanonicalHash {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private CanonicalHash() {
    }

    public static String of(JsonNode node) {
        MessageDigest md = DIGEST.get();
        md.reset();
        feed(md, node);
        byte[] d = md.digest();
        char[] out = new char[32];
        for (int i = 0; i < 16; i++) {
            out[2 * i] = HEX[(d[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[d[i] & 0xf];
        }
        return new String(out);
    }

    private static void feed(MessageDigest md, JsonNode n) {
        switch (n.getNodeType()) {
            case OBJECT -> {
                List<String> keys = new ArrayList<>(n.size());
                Iterator<String> it = n.fieldNames();
                while (it.hasNext()) {
                    keys.add(it.next());
                }
                Collections.sort(keys);
                md.update((byte) '{');
                length(md, keys.size());
                for (String k : keys) {
                    text(md, k);
                    feed(md, n.get(k));
                }
            }
            case ARRAY -> {
                md.update((byte) '[');
                length(md, n.size());
                for (JsonNode e : n) {
                    feed(md, e);
                }
            }
            case STRING -> {
                md.update((byte) 's');
                text(md, n.textValue());
            }
            case NUMBER -> {
                md.update((byte) 'n');
                text(md, n.asText());
            }
            case BOOLEAN -> md.update((byte) (n.booleanValue() ? 't' : 'f'));
            default -> md.update((byte) 'z');
        }
    }

    private static void text(MessageDigest md, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        length(md, b.length);
        md.update(b);
    }

    private static void length(MessageDigest md, int n) {
        md.update((byte) (n >>> 24));
        md.update((byte) (n >>> 16));
        md.update((byte) (n >>> 8));
        md.update((byte) n);
    }
}
