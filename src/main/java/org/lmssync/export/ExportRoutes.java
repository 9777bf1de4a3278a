package org.lmssync.export;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The export as routes, for {@code run} and for embedding hosts:
 * <ul>
 * <li>{@code direct:lms-export}: body (or the {@code lmsName} header) = the LMS; exports its UDM
 * tree to {@code lms.export.udm-dir} from {@code lms.db.url}; the body becomes the
 * {@link ExportResult}. Fails when {@code lms.export.udm-dir} is not set.</li>
 * <li>{@code direct:lms-export-after-sync}: what a schedule sends after {@code direct:lms-sync}:
 * exports only when {@code lms.export.udm-dir} is set and that LMS's latest run in
 * {@code sync_runs} succeeded; otherwise does nothing.</li>
 * </ul>
 */
public final class ExportRoutes extends RouteBuilder {
    public static final String EXPORT = "direct:lms-export";
    public static final String AFTER_SYNC = "direct:lms-export-after-sync";
    private static final Logger LOG = LoggerFactory.getLogger(ExportRoutes.class);
    private static final String LMS_HEADER = "lmsName";

    private final UdmExporter exporter = new UdmExporter();

    @Override
    public void configure() {
        from(EXPORT).routeId("lms-export").process(this::export);
        from(AFTER_SYNC).routeId("lms-export-after-sync")
                .filter(this::wanted)
                    .setBody(header(LMS_HEADER))
                    .to(EXPORT)
                .end();
    }

    private static String lms(Exchange ex) {
        String body = ex.getMessage().getBody(String.class);
        return body != null && !body.isBlank() ? body.trim() : ex.getMessage().getHeader(LMS_HEADER, String.class);
    }

    private static Optional<String> property(Exchange ex, String key) {
        return ex.getContext().getPropertiesComponent().resolveProperty(key).filter(v -> !v.isBlank());
    }

    private void export(Exchange ex) throws Exception {
        String lms = lms(ex);
        UdmMapping mapping = UdmMapping.of(lms);
        Path dir = Path.of(property(ex, ExportCommand.DIR_KEY).orElseThrow(
                () -> new IllegalStateException(ExportCommand.DIR_KEY + " is not set: nowhere to export " + lms + " to")));
        String url = property(ex, "lms.db.url").orElseThrow(() -> new IllegalStateException("lms.db.url is not set"));
        try (Connection db = ExportCommand.openReadOnly(url)) {
            ex.getMessage().setBody(exporter.export(db, mapping, dir));
        }
    }

    private boolean wanted(Exchange ex) {
        String lms = ex.getMessage().getHeader(LMS_HEADER, String.class);
        if (lms == null || property(ex, ExportCommand.DIR_KEY).isEmpty()) {
            return false;
        }
        try (Connection db = ExportCommand.openReadOnly(property(ex, "lms.db.url").orElseThrow());
             PreparedStatement ps = db.prepareStatement("SELECT status FROM sync_runs WHERE lms = ? ORDER BY run_id DESC LIMIT 1")) {
            ps.setString(1, lms);
            try (ResultSet rs = ps.executeQuery()) {
                String status = rs.next() ? rs.getString(1) : "none";
                if (!status.equals("succeeded")) {
                    LOG.info("{}: no UDM export: its latest sync is {}", lms, status);
                    return false;
                }
                return true;
            }
        } catch (SQLException e) {
            LOG.warn("{}: no UDM export: cannot read sync_runs: {}", lms, e.getMessage());
            return false;
        }
    }
}
