package org.lmssync.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmssync.LmsSync;
import org.lmssync.engine.page.PageAssembler;

/** {@code lms-map-page}: one message per record, results back in order, and no record lost to a failure. */
class PageMappingRouteTest {
    private CamelContext camel;
    private ProducerTemplate template;

    @BeforeEach
    void start() throws Exception {
        camel = new DefaultCamelContext();
        camel.addComponent(LmsSync.HTTP_COMPONENT, new HttpComponent());
        Processor step = e -> {
            String record = e.getMessage().getBody(String.class);
            if (record.startsWith("boom")) {
                throw new IllegalStateException("the record step broke on " + record);
            }
            e.getMessage().setBody(new org.lmssync.engine.run.RecordResult.Rejected("seen", record));
        };
        camel.getRegistry().bind("lmsSyncRecordProcessor", step);
        camel.getRegistry().bind("lmsSyncPageAssembler", new PageAssembler());
        // the other engine routes' beans, never called here
        for (String bean : List.of("lmsSyncRunner", "lmsSyncPageRequest", "lmsSyncPageReader")) {
            camel.getRegistry().bind(bean, new Unused());
        }
        camel.addRoutes(new EngineRoutes());
        camel.start();
        template = camel.createProducerTemplate();
    }

    /** Stands in for the beans of the routes this test does not run. */
    public static final class Unused {
        public void begin() {
        }

        public void failed() {
        }

        public void finish() {
        }

        public void prepare() {
        }

        public void read() {
        }
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void eachRecordIsOneMessageAndTheResultsComeBackInTheirOrder() {
        Exchange out = template.send("direct:lms-map-page", e -> e.getMessage().setBody(List.of("a", "b", "c")));
        assertEquals(null, out.getException());
        List<?> results = out.getMessage().getBody(List.class);
        assertEquals(List.of("a", "b", "c"), results.stream()
                .map(r -> ((org.lmssync.engine.run.RecordResult.Rejected) r).payload()).toList());
    }

    @Test
    void aRecordStepThatThrowsFailsThePageInsteadOfDroppingTheRecord() {
        Exchange out = template.send("direct:lms-map-page", e -> e.getMessage().setBody(List.of("a", "boom-1", "c")));
        assertNotNull(out.getException(), "the page must fail, so that it is fetched again, not be written without a record");
        assertSame(IllegalStateException.class, out.getException().getClass());
        assertEquals("the record step broke on boom-1", out.getException().getMessage());
    }
}
