package org.lmssync.engine.page;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Iterator;

/**
 * A hash of a JSON value that ignores key order and whitespace: objects are fed with their keys
 * sorted, every value with a type tag and a length, so that no two different values collide by
 * concatenation. SHA-256, first 128 bits, as hex.
 *
 * <p>The canonical bytes are gathered in one reused buffer and digested in one call: feeding the
 * digest a few bytes at a time cost more than the SHA-256 itself.
 */
public final class CanonicalHash {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final ThreadLocal<Canon> CANON = ThreadLocal.withInitial(Canon::new);

    private CanonicalHash() {
    }

    public static String of(JsonNode node) {
        Canon c = CANON.get();
        c.pos = 0;
        c.feed(node);
        c.digest.reset();
        c.digest.update(c.buf, 0, c.pos);
        byte[] d = c.digest.digest();
        char[] out = new char[32];
        for (int i = 0; i < 16; i++) {
            out[2 * i] = HEX[(d[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[d[i] & 0xf];
        }
        if (c.buf.length > Canon.KEEP) {
            c.buf = new byte[Canon.INITIAL]; // one huge record must not pin its buffer for the run
        }
        return new String(out);
    }

    /** The canonical form of one value, written into a growable byte buffer. */
    private static final class Canon {
        static final int INITIAL = 4096;
        static final int KEEP = 1 << 20;
        final MessageDigest digest;
        byte[] buf = new byte[INITIAL];
        int pos;

        Canon() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void feed(JsonNode n) {
            switch (n.getNodeType()) {
                case OBJECT -> {
                    String[] keys = new String[n.size()];
                    int k = 0;
                    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                        keys[k++] = it.next();
                    }
                    Arrays.sort(keys);
                    put((byte) '{');
                    length(keys.length);
                    for (String key : keys) {
                        text(key);
                        feed(n.get(key));
                    }
                }
                case ARRAY -> {
                    put((byte) '[');
                    length(n.size());
                    for (JsonNode e : n) {
                        feed(e);
                    }
                }
                case STRING -> {
                    put((byte) 's');
                    text(n.textValue());
                }
                case NUMBER -> {
                    put((byte) 'n');
                    text(n.asText());
                }
                case BOOLEAN -> put((byte) (n.booleanValue() ? 't' : 'f'));
                default -> put((byte) 'z');
            }
        }

        /** Length-prefixed UTF-8; ASCII (almost all of it) is copied without an intermediate array. */
        void text(String s) {
            int n = s.length();
            ensure(4 + n);
            int lengthAt = pos;
            pos += 4;
            for (int i = 0; i < n; i++) {
                char ch = s.charAt(i);
                if (ch >= 0x80) {
                    pos = lengthAt;
                    byte[] b = s.getBytes(StandardCharsets.UTF_8);
                    length(b.length);
                    ensure(b.length);
                    System.arraycopy(b, 0, buf, pos, b.length);
                    pos += b.length;
                    return;
                }
                buf[pos++] = (byte) ch;
            }
            writeInt(lengthAt, n);
        }

        void length(int n) {
            ensure(4);
            writeInt(pos, n);
            pos += 4;
        }

        void put(byte b) {
            ensure(1);
            buf[pos++] = b;
        }

        private void writeInt(int at, int n) {
            buf[at] = (byte) (n >>> 24);
            buf[at + 1] = (byte) (n >>> 16);
            buf[at + 2] = (byte) (n >>> 8);
            buf[at + 3] = (byte) n;
        }

        private void ensure(int more) {
            if (pos + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
            }
        }
    }
}
