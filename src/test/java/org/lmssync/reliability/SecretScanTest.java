package org.lmssync.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The scanner behind {@link SecretsIT} finds a secret however it was escaped, so a clean scan means something. */
class SecretScanTest {
    private static final String LINE = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC+/7xQ9z=";

    @Test
    void findsASecretPlainJsonEscapedUrlEncodedOrCaseFoldedAndNothingElse() {
        SecretScan scan = new SecretScan();
        scan.add("token", "cvsT0123456789abcdef0123456789abcdef");
        scan.addPem("key", "-----BEGIN PRIVATE KEY-----\n" + LINE + "\nAB==\n-----END PRIVATE KEY-----\n");
        assertEquals(2, scan.size(), "the short last PEM line is not scanned for");
        assertEquals(List.of("token in log"), scan.hits("log", "Authorization: Bearer cvsT0123456789abcdef0123456789abcdef"));
        assertEquals(List.of("token in url"), scan.hits("url", "/x?access_token=CVST0123456789ABCDEF0123456789ABCDEF"));
        assertEquals(List.of("key line 1 in json"), scan.hits("json", "{\"k\":\"" + LINE.replace("/", "\\/") + "\"}"));
        assertEquals(List.of("key line 1 in query"), scan.hits("query", LINE.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")));
        assertEquals(List.of(), scan.hits("clean", "cvsT0123456789abcdef 0123456789 MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"));
    }
}
