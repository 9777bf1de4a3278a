package org.lmssync.google;

import com.google.api.client.http.HttpResponseException;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.camel.Message;
import org.lmssync.config.ConfigException;
import org.lmssync.config.Settings;
import org.lmssync.engine.spi.CredentialsRejectedException;
import org.lmssync.engine.spi.LmsAdapter;
import org.lmssync.engine.http.Urls;

/**
 * Google Classroom and Admin Reports: a service-account key with domain-wide delegation, through
 * Google's own auth library. Tokens come from the key file's {@code token_uri}, are cached, and
 * are refreshed before they expire; a 401 refreshes once.
 */
public final class GoogleAdapter implements LmsAdapter {
    static final String KEY_FILE = "lms.google.service-account-file";
    static final String ADMIN = "lms.google.admin-email";

    /** Read-only scopes of the calls the resources make (courses, rosters, coursework, submissions, usage). */
    static final List<String> SCOPES = List.of(
            "https://www.googleapis.com/auth/classroom.courses.readonly",
            "https://www.googleapis.com/auth/classroom.rosters.readonly",
            "https://www.googleapis.com/auth/classroom.profile.emails",
            "https://www.googleapis.com/auth/classroom.coursework.students.readonly",
            "https://www.googleapis.com/auth/classroom.student-submissions.students.readonly",
            "https://www.googleapis.com/auth/admin.reports.usage.readonly");

    private GoogleCredentials credentials;
    private String privateKeyId;

    @Override
    public String routesFile() {
        return "google-classroom.yaml";
    }

    @Override
    public String name() {
        return "google";
    }

    @Override
    public void configure(Settings settings) {
        settings.url("lms.google.classroom-url");
        settings.url("lms.google.reports-url");
        String admin = settings.require(ADMIN);
        if (!admin.contains("@")) {
            throw new ConfigException(ADMIN, "must be the email of the Workspace admin to impersonate, not '" + admin + "'");
        }
        Path file = Path.of(settings.require(KEY_FILE));
        if (!Files.isReadable(file)) {
            throw new ConfigException(KEY_FILE, "cannot read the service-account key file " + file.toAbsolutePath());
        }
        try (InputStream in = Files.newInputStream(file)) {
            ServiceAccountCredentials sa = ServiceAccountCredentials.fromStream(in);
            privateKeyId = sa.getPrivateKeyId();
            credentials = sa.createScoped(SCOPES).createDelegated(admin);
        } catch (IOException | RuntimeException e) {
            // The library's message names the missing field; never echo the file's content.
            throw new ConfigException(KEY_FILE, "is not a service-account key file: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage().lines().findFirst().orElse("") + ")"));
        }
    }

    @Override
    public void authorize(Message request, String method, String url) {
        try {
            // Cached; the library refreshes it shortly before it expires.
            Map<String, List<String>> metadata = credentials.getRequestMetadata(URI.create(url));
            for (Map.Entry<String, List<String>> e : metadata.entrySet()) {
                request.setHeader(e.getKey(), e.getValue().get(0));
            }
        } catch (IOException e) {
            int status = tokenEndpointStatus(e);
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                // invalid_grant, unauthorized_client, …: no retry or refresh can cure the key or the delegation
                throw new CredentialsRejectedException("HTTP " + status + " from the Google token endpoint "
                        + Urls.withoutQuery(tokenUri()));
            }
            throw new UncheckedIOException("could not get a Google access token for " + credentials.getClass().getSimpleName()
                    + ": " + e.getMessage(), e);
        }
    }

    /** The HTTP status with which the token endpoint refused, or 0 when it did not answer. */
    private static int tokenEndpointStatus(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof HttpResponseException h) {
                return h.getStatusCode();
            }
        }
        return 0;
    }

    private String tokenUri() {
        return credentials instanceof ServiceAccountCredentials sa && sa.getTokenServerUri() != null
                ? sa.getTokenServerUri().toString() : "";
    }

    @Override
    public boolean refreshCredentials() {
        try {
            credentials.refresh();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public List<String> secrets() {
        return privateKeyId == null ? List.of() : List.of(privateKeyId);
    }
}
