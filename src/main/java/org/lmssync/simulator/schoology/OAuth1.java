package org.lmssync.simulator.schoology;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The server side of RFC 5849 signatures: percent-encoding, the base string, PLAINTEXT and HMAC-SHA1. */
final class OAuth1 {
    private static final String HEX = "0123456789ABCDEF";

    private OAuth1() {
    }

    /** RFC 5849 §3.6: UTF-8, then everything but ALPHA / DIGIT / "-" / "." / "_" / "~" as %XX (upper case). */
    static String encode(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
            }
        }
        return out.toString();
    }

    /** Percent-decoding without the form rule that turns "+" into a space (header values). */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    out.write(hi * 16 + lo);
                    i += 2;
                    continue;
                }
            }
            int cp = s.codePointAt(i);
            byte[] raw = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            out.write(raw, 0, raw.length);
            i += Character.charCount(cp) - 1;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * RFC 5849 §3.4.1.2: lower-case scheme and host, the port only when it is not the scheme's
     * default, and the path without the query.
     *
     * @param hostAndPort the Host header as sent, e.g. "127.0.0.1:8080"
     */
    static String baseStringUri(String scheme, String hostAndPort, String path) {
        String s = scheme.toLowerCase(Locale.ROOT);
        String host = hostAndPort.toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        if (colon > 0 && host.indexOf(']') < colon) {
            String port = host.substring(colon + 1);
            if ((s.equals("http") && port.equals("80")) || (s.equals("https") && port.equals("443"))) {
                host = host.substring(0, colon);
            }
        }
        return s + "://" + host + (path == null || path.isEmpty() ? "/" : path);
    }

    /** RFC 5849 §3.4.1.3.2: encode each name and value, sort by name then value, join with "=" and "&". */
    static String normalizedParameters(List<Map.Entry<String, String>> params) {
        List<String[]> encoded = new ArrayList<>(params.size());
        for (Map.Entry<String, String> p : params) {
            encoded.add(new String[] {encode(p.getKey()), encode(p.getValue() == null ? "" : p.getValue())});
        }
        encoded.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        return encoded.stream().map(p -> p[0] + "=" + p[1]).collect(Collectors.joining("&"));
    }

    /** RFC 5849 §3.4.1.1; {@code params} are decoded and exclude realm and oauth_signature. */
    static String signatureBaseString(String method, String baseStringUri, List<Map.Entry<String, String>> params) {
        return method.toUpperCase(Locale.ROOT) + "&" + encode(baseStringUri) + "&" + encode(normalizedParameters(params));
    }

    /** RFC 5849 §3.4.4: the PLAINTEXT signature (before it is itself percent-encoded in the header). */
    static String plaintext(String consumerSecret, String tokenSecret) {
        return encode(consumerSecret) + "&" + encode(tokenSecret);
    }

    /** RFC 5849 §3.4.2: base64 of HMAC-SHA1 keyed with encode(consumer secret) & encode(token secret). */
    static String hmacSha1(String baseString, String consumerSecret, String tokenSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(plaintext(consumerSecret, tokenSecret).getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }
}
