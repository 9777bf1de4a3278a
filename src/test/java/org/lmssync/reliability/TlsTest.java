package org.lmssync.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.lmssync.SyncTestSupport;

/**
 * Certificates are checked: a sync against a self-signed HTTPS server on loopback fails with a
 * certificate error and stores nothing, and neither the configuration nor the code offers a way
 * to switch the check off.
 */
class TlsTest extends SyncTestSupport {
    private static final char[] PASSWORD = "changeit".toCharArray();
    /** Configuration words that would switch certificate checks off. */
    private static final Pattern INSECURE_KEY = Pattern.compile(
            "(?i)trust[-_.]?all|insecure|skip[-_.]?(tls|ssl|cert|verif)|(ssl|tls|cert)[-_.]?verif|no[-_.]?verify|hostname[-_.]?verif");
    /** Code that accepts any certificate or any host name. */
    private static final Pattern TRUST_EVERYTHING = Pattern.compile("X509TrustManager|X509ExtendedTrustManager|TrustAllStrategy"
            + "|TrustSelfSignedStrategy|NoopHostnameVerifier|ALLOW_ALL|InsecureTrustManagerFactory|setHostnameVerifier"
            + "|setDefaultHostnameVerifier|setDefaultSSLSocketFactory|SSLContext\\.setDefault|x509HostnameVerifier"
            + "|checkServerTrusted|TrustManager\\[]");

    @Test
    void aSelfSignedServerFailsTheSyncWithACertificateErrorAndNothingIsStored() throws Exception {
        KeyStore keys = selfSigned(dir.resolve("tls.p12"));
        AtomicInteger served = new AtomicInteger();
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context(keys)));
        server.createContext("/", ex -> {
            served.incrementAndGet();
            byte[] body = "[{\"id\":\"t1\"}]".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            String base = "https://127.0.0.1:" + server.getAddress().getPort();
            // the server itself is sound: a client that trusts its certificate gets the page
            HttpClient trusting = HttpClient.newBuilder().sslContext(context(keys)).build();
            assertEquals(200, trusting.send(HttpRequest.newBuilder(URI.create(base + "/link/items")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            served.set(0);

            config.put("test.api", base);
            int exit = once("items_link");
            String error = String.valueOf(lastResourceRun("items_link").get("error"));
            boolean refused = exit == 1 && error.startsWith("TLS failure") && (error.contains("PKIX") || error.contains("certificat"))
                    && served.get() == 0 && scalar("SELECT COUNT(*) FROM testlms_items_link") == 0;
            SuiteLedger.record(SuiteLedger.SECRETS, "TLS checks on", 1, refused);
            assertTrue(refused, "exit " + exit + ", " + served.get() + " requests served, error: " + error);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void noConfigurationKeyAndNoCodeSwitchesCertificateChecksOff() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path doc : List.of(Path.of("application.properties"), Path.of("README.md"),
                Path.of("src/main/resources/application.properties"))) {
            if (Files.exists(doc)) {
                Files.readAllLines(doc).stream().filter(l -> INSECURE_KEY.matcher(l).find()).forEach(l -> found.add(doc + ": " + l));
            }
        }
        int sources = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                sources++;
                String text = Files.readString(f);
                if (TRUST_EVERYTHING.matcher(text).find() || f.toString().endsWith(".properties") && INSECURE_KEY.matcher(text).find()) {
                    found.add(f.toString());
                }
            }
        }
        assertTrue(sources > 100, "scanned only " + sources + " files");
        SuiteLedger.record(SuiteLedger.SECRETS, "TLS checks on", sources, found.isEmpty());
        assertEquals(List.of(), found, "a way to switch certificate checks off");
    }

    /** A self-signed certificate for 127.0.0.1 (so only trust fails, not the host name), made by the JDK's keytool. */
    private static KeyStore selfSigned(Path file) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "lms", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool: " + out);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, PASSWORD);
        }
        return ks;
    }

    /** Serves with the key and trusts only its own certificate. */
    private static SSLContext context(KeyStore keys) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(keys);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }
}
