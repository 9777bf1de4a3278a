package org.lmssync.schoology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.client.auth.oauth.OAuthParameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.lmssync.config.ConfigException;
import org.lmssync.config.Settings;

/** The OAuth 1.0a signer against the published worked example, and the adapter's configuration checks. */
class SchoologyAdapterTest {

    /**
     * The worked example of OAuth Core 1.0 Appendix A.5 (the photos.example.net request, reused by
     * RFC 5849 §1.2): its published HMAC-SHA1 signature is tR3+Ty81lMeYAr/Fid0kMTYa/WM=.
     */
    @Test
    void theSignerReproducesThePublishedWorkedExample() {
        OAuthParameters p = SchoologyAdapter.sign("GET", "http://photos.example.net/photos?file=vacation.jpg&size=original",
                "dpf43f3p2l4k3l03", "kd94hf93k423kf44", "nnch734d00sl2jdk", "pfkkdhi9sl3r4s00",
                "kllo9940pd9333jh", "1191242096", "Photos");
        assertEquals("tR3+Ty81lMeYAr/Fid0kMTYa/WM=", p.signature);
        String header = p.getAuthorizationHeader();
        assertTrue(header.startsWith("OAuth realm=\"Photos\""), header);
        assertTrue(header.contains("oauth_signature=\"tR3%2BTy81lMeYAr%2FFid0kMTYa%2FWM%3D\""), header);
    }

    @Test
    void eachRequestIsSignedWithAFreshNonceAndAnEmptyToken() {
        SchoologyAdapter a = configured();
        Map<String, String> first = authorize(a, "https://api.schoology.com/v1/users?start=0&limit=200");
        Map<String, String> second = authorize(a, "https://api.schoology.com/v1/users?start=0&limit=200");
        assertNotEquals(first.get("oauth_nonce"), second.get("oauth_nonce"));
        assertNotEquals(first.get("oauth_signature"), second.get("oauth_signature"));
        assertEquals("", first.get("oauth_token"));
        assertEquals("HMAC-SHA1", first.get("oauth_signature_method"));
        assertEquals("1.0", first.get("oauth_version"));
        assertEquals("the-key", first.get("oauth_consumer_key"));
        assertEquals(List.of("the-secret"), a.secrets());
    }

    @Test
    void missingOrMalformedKeysAreConfigErrorsNamingTheKey() {
        Settings ok = Settings.of(Map.of("lms.schoology.base-url", "https://api.schoology.com/v1",
                "lms.schoology.key", "k", "lms.schoology.secret", "s"));
        assertEquals("lms.schoology.key", assertThrows(ConfigException.class,
                () -> new SchoologyAdapter().configure(ok.with("lms.schoology.key", ""))).key());
        assertEquals("lms.schoology.secret", assertThrows(ConfigException.class,
                () -> new SchoologyAdapter().configure(ok.with("lms.schoology.secret", " "))).key());
        assertEquals("lms.schoology.base-url", assertThrows(ConfigException.class,
                () -> new SchoologyAdapter().configure(ok.with("lms.schoology.base-url", "api.schoology.com"))).key());
        assertTrue(new SchoologyAdapter().refreshCredentials() == false);
    }

    private static SchoologyAdapter configured() {
        SchoologyAdapter a = new SchoologyAdapter();
        a.configure(Settings.of(Map.of("lms.schoology.base-url", "https://api.schoology.com/v1",
                "lms.schoology.key", "the-key", "lms.schoology.secret", "the-secret")));
        return a;
    }

    private static Map<String, String> authorize(SchoologyAdapter a, String url) {
        Message m = new DefaultExchange(new DefaultCamelContext()).getMessage();
        a.authorize(m, "GET", url);
        String header = m.getHeader("Authorization", String.class);
        assertTrue(header.startsWith("OAuth "), header);
        Map<String, String> out = new LinkedHashMap<>();
        Matcher x = Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher(header);
        while (x.find()) {
            out.put(x.group(1), x.group(2));
        }
        return out;
    }
}
