package org.lmssync.bench;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A generative listing of Canvas-submission-shaped records (29 fields, every second one with a
 * 22-field attachment: about 1.1 KB on average, the shape of the Ed-Fi anchors): record {@code i} is computed from its index and version when a page is
 * served, so a million records cost no memory. A change bumps the version of a fixed set of
 * indices; their {@code graded_at} then lies after every unchanged record, so a newest-first
 * listing serves them first.
 */
final class SubmissionSource {
    private static final long BASE = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
    private static final String SUBMITTED = "2021-03-16T16:20:10Z";

    private volatile int size;
    private volatile int[] changed = new int[0];
    private volatile int version;

    void reset(int n) {
        size = n;
        changed = new int[0];
        version = 0;
    }

    int size() {
        return size;
    }

    /** Changes {@code count} records spread evenly over the listing (the same ones each time). */
    void change(int count) {
        int n = size;
        int c = Math.min(count, n);
        int[] set = new int[c];
        for (int k = 0; k < c; k++) {
            set[k] = (int) ((long) k * n / c);
        }
        changed = set;
        version++;
    }

    /** The ids of the records the last {@link #change} changed. */
    List<String> changedIds() {
        return Arrays.stream(changed).mapToObj(SubmissionSource::id).toList();
    }

    static String id(int i) {
        return Integer.toString(7_000_000 + i);
    }

    /** Indices of positions [from, from+count) of the newest-first listing. */
    int[] newestFirst(int from, int count) {
        int n = size;
        int[] set = changed;
        int c = set.length;
        int len = Math.max(0, Math.min(count, n - from));
        int[] out = new int[len];
        int k = 0;
        for (; k < len && from + k < c; k++) {
            out[k] = set[c - 1 - (from + k)];
        }
        if (k < len) {
            int q = from + k - c;           // rank among the unchanged, newest first
            int i = n - 1 - q;              // an upper bound: walk down until q unchanged lie above it
            while (i >= 0 && (unchangedAbove(set, i, n) < q || isChanged(set, i))) {
                i--;
            }
            for (; k < len && i >= 0; i--) {
                if (!isChanged(set, i)) {
                    out[k++] = i;
                }
            }
        }
        return out;
    }

    private static int unchangedAbove(int[] set, int i, int n) {
        int p = Arrays.binarySearch(set, i);
        int changedAbove = set.length - (p >= 0 ? p + 1 : -p - 1);
        return n - 1 - i - changedAbove;
    }

    private static boolean isChanged(int[] set, int i) {
        return Arrays.binarySearch(set, i) >= 0;
    }

    /** Appends record {@code i} as JSON. */
    void write(StringBuilder sb, int i) {
        int[] set = changed;
        int rank = Arrays.binarySearch(set, i);
        int v = rank >= 0 ? version : 0;
        long graded = v == 0 ? BASE + i : BASE + size + (long) v * set.length + rank;
        int score = 20 - v % 10;
        String gradedAt = Instant.ofEpochSecond(graded).toString();
        sb.append("{\"id\":").append(id(i))
                .append(",\"body\":null,\"url\":\"https://district.instructure.com/courses/104/assignments/")
                .append(356_597 + i % 50).append("/submissions/").append(1_000 + i / 50).append("?preview=1&version=1")
                .append("\",\"grade\":\"").append(score).append("\",\"score\":").append(score).append(".0")
                .append(",\"submitted_at\":\"").append(SUBMITTED)
                .append("\",\"assignment_id\":").append(356_597 + i % 50)
                .append(",\"user_id\":").append(1_000 + i / 50)
                .append(",\"submission_type\":\"online_url\",\"workflow_state\":\"graded\"")
                .append(",\"grade_matches_current_submission\":true,\"graded_at\":\"").append(gradedAt)
                .append("\",\"grader_id\":7870,\"attempt\":").append(1 + v)
                .append(",\"cached_due_date\":\"2021-03-23T03:59:59Z\",\"excused\":false,\"late_policy_status\":null")
                .append(",\"points_deducted\":null,\"grading_period_id\":219,\"extra_attempts\":null")
                .append(",\"posted_at\":\"").append(gradedAt)
                .append("\",\"late\":false,\"missing\":false,\"seconds_late\":0,\"entered_grade\":\"").append(score)
                .append("\",\"entered_score\":").append(score).append(".0")
                .append(",\"preview_url\":\"https://district.instructure.com/courses/104/assignments/356597/submissions/").append(i)
                .append("\",\"anonymous_id\":\"u").append(Integer.toString(i, 36)).append('"');
        if (i % 2 == 0) {
            // a Canvas attachment: 22 fields
            sb.append(",\"attachments\":[{\"id\":").append(1_391_841 + i)
                    .append(",\"uuid\":\"").append(String.format("%040x", 0x5eed0000L + i))
                    .append("\",\"folder_id\":").append(88_000 + i / 50)
                    .append(",\"display_name\":\"websnappr").append(i).append(".png\",\"filename\":\"websnappr").append(i)
                    .append(".png\",\"upload_status\":\"success\",\"content-type\":\"image/png\"")
                    .append(",\"url\":\"https://example.edu/files/").append(i).append("/download?download_frd=1\"")
                    .append(",\"size\":26447,\"created_at\":\"2021-03-16T16:20:16Z\",\"updated_at\":\"2021-03-16T16:20:16Z\"")
                    .append(",\"unlock_at\":null,\"locked\":false,\"hidden\":false,\"lock_at\":null,\"hidden_for_user\":false")
                    .append(",\"thumbnail_url\":\"https://example.edu/images/thumbnails/").append(1_391_841 + i)
                    .append("/websnappr.png\",\"modified_at\":\"2021-03-16T16:20:16Z\",\"mime_class\":\"image\"")
                    .append(",\"media_entry_id\":null,\"locked_for_user\":false,\"preview_url\":null}]");
        }
        sb.append('}');
    }
}
