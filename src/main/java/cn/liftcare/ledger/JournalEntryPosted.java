package cn.liftcare.ledger;

import cn.liftcare.shared.AuditedChange;

/** An entry was posted to the journal; it has no "before", and there is no "after" but this one. */
public record JournalEntryPosted(JournalEntryView before, JournalEntryView after)
        implements AuditedChange<JournalEntryView> {

    @Override
    public String entityType() {
        return "journal_entry";
    }

    @Override
    public String entityId() {
        return String.valueOf(after.id());
    }
}
