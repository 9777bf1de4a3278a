package org.lmssync.testlms;

import org.apache.camel.Message;
import org.lmssync.config.Settings;
import org.lmssync.engine.spi.LmsAdapter;

/** The LMS of the engine tests: a bearer token, like Canvas, against {@code TestApi}. */
public final class TestLmsAdapter implements LmsAdapter {
    private String token;

    @Override
    public String name() {
        return "testlms";
    }

    @Override
    public void configure(Settings settings) {
        token = settings.require("lms.testlms.token");
    }

    @Override
    public void authorize(Message request, String method, String url) {
        request.setHeader("Authorization", "Bearer " + token);
    }

    @Override
    public boolean isThrottle(int status, java.util.Map<String, String> headers, String body) {
        return status == 429 || status == 403 && body.contains("Rate Limit Exceeded");
    }

    @Override
    public java.util.List<String> secrets() {
        return token == null ? java.util.List.of() : java.util.List.of(token);
    }
}
