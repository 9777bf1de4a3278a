package org.lmssync.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmssync.SyncTestSupport;
import org.lmssync.engine.run.RunLog;
import org.lmssync.testapi.TestApi.Reply;

/** A huge bad record is kept in sync_errors only as far as the documented cap (2,000 characters), marked as cut. */
class PayloadTruncationTest extends SyncTestSupport {

    @Test
    void aMegabyteBadRecordIsStoredCutToTheCapWithAMarkerAndThePageStillLands() throws Exception {
        // no identity, 1.2 MB, and an emoji (a surrogate pair) straddling the cut
        String head = "{\"name\":\"" + "x".repeat(1_900) + "😀".repeat(100);
        String huge = head + "y".repeat(1_200_000) + "\"}";
        api.script("/link/items", Reply.body("[{\"id\":\"a1\"}," + huge + ",{\"id\":\"a2\"}]"));

        assertEquals(1, once("items_link"), "the bad record is reported: exit 1");

        assertEquals(2, scalar("SELECT COUNT(*) FROM testlms_items_link"));
        Map<String, Object> error = query("SELECT reason, payload FROM sync_errors").get(0);
        String payload = error.get("payload").toString();
        boolean truncated = RunLog.MAX_PAYLOAD == 2_000 && payload.length() <= RunLog.MAX_PAYLOAD
                && payload.startsWith(head.substring(0, 1_900)) && payload.endsWith("[truncated: " + huge.length() + " chars in all]")
                && payload.codePoints().noneMatch(cp -> Character.getType(cp) == Character.SURROGATE);
        SuiteLedger.record(SuiteLedger.SECRETS, "sync_errors payload truncated", 1, truncated);
        assertTrue(truncated, "payload of " + payload.length() + " chars: …" + payload.substring(Math.max(0, payload.length() - 120)));
        assertTrue(error.get("reason").toString().startsWith("missing identity id"), error.get("reason").toString());
    }
}
