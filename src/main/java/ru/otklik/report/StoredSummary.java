package ru.otklik.report;

import java.time.Instant;
import java.util.List;

/**
 * A summary as stored, with what the review steps added: the specialist's remarks on quality (MSG-25), the
 * coordinator's decisions on each violation (MSG-27) and report (MSG-28), the head's acknowledgement after
 * which nothing changes.
 */
public record StoredSummary(long id, Summary summary, String remarks, String reviewedBy, Instant reviewedAt,
                            String coordinatorReport, String decidedBy, Instant decidedAt, String headNotes,
                            String acknowledgedBy, Instant acknowledgedAt, String processInstanceId,
                            List<Decision> decisions) {

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }

    /** MSG-27: the decision on one violation: a proposed measure or «меры не предлагаются». */
    public record Decision(int itemNo, String source, long violationId, String responsible, String ruleId,
                           String measure) {
    }
}
