package org.lmssync.engine.http;

import java.util.ArrayList;
import java.util.List;

/** Removes known secrets from text bound for logs, error rows and messages. */
public final class Redactor {
    private final List<String> secrets = new ArrayList<>();

    public void add(String secret) {
        if (secret != null && secret.length() >= 4) {
            secrets.add(secret);
        }
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, "***");
        }
        return out;
    }
}
