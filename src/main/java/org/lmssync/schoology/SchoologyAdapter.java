package org.lmssync.schoology;

import com.google.api.client.auth.oauth.OAuthHmacSigner;
import com.google.api.client.auth.oauth.OAuthParameters;
import com.google.api.client.http.GenericUrl;
import java.security.GeneralSecurityException;
import java.util.List;
import org.apache.camel.Message;
import org.lmssync.config.Settings;
import org.lmssync.engine.spi.LmsAdapter;

/**
 * Schoology REST v1: two-legged OAuth 1.0a (RFC 5849) with HMAC-SHA1, the consumer key and
 * secret, and an empty token, through Google's {@code google-oauth-client} signer. Every request,
 * and every redelivery of one, is signed with a fresh nonce and timestamp (Schoology answers a
 * reused nonce with 401). There is nothing to refresh: a 401 is final.
 */
public final class SchoologyAdapter implements LmsAdapter {
    static final String BASE_URL = "lms.schoology.base-url";
    static final String KEY = "lms.schoology.key";
    static final String SECRET = "lms.schoology.secret";
    /** As Schoology documents it; the realm is not part of the signature. */
    static final String REALM = "Schoology API";

    private String consumerKey;
    private String consumerSecret;

    @Override
    public String name() {
        return "schoology";
    }

    @Override
    public void configure(Settings settings) {
        settings.url(BASE_URL);
        consumerKey = settings.require(KEY);
        consumerSecret = settings.require(SECRET);
    }

    @Override
    public void authorize(Message request, String method, String url) {
        request.setHeader("Authorization", sign(method, url, null, null).getAuthorizationHeader());
    }

    /**
     * The OAuth parameters of one request, signed. {@code nonce} and {@code timestamp} are null in
     * use (fresh ones are made); tests pass the values of a published example.
     */
    OAuthParameters sign(String method, String url, String nonce, String timestamp) {
        return sign(method, url, consumerKey, consumerSecret, "", null, nonce, timestamp, REALM);
    }

    static OAuthParameters sign(String method, String url, String key, String secret, String token, String tokenSecret,
                                String nonce, String timestamp, String realm) {
        OAuthHmacSigner signer = new OAuthHmacSigner();
        signer.clientSharedSecret = secret;
        signer.tokenSharedSecret = tokenSecret;
        OAuthParameters p = new OAuthParameters();
        p.signer = signer;
        p.consumerKey = key;
        p.token = token;
        p.version = "1.0";
        p.realm = realm;
        if (nonce == null) {
            p.computeNonce();
        } else {
            p.nonce = nonce;
        }
        if (timestamp == null) {
            p.computeTimestamp();
        } else {
            p.timestamp = timestamp;
        }
        try {
            p.computeSignature(method, new GenericUrl(url));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a Schoology request: " + e.getMessage(), e);
        }
        return p;
    }

    @Override
    public List<String> secrets() {
        return consumerSecret == null ? List.of() : List.of(consumerSecret);
    }
}
