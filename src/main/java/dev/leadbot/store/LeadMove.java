package dev.leadbot.store;

import dev.leadbot.lead.Handling;

/**
 * A manager's press that moves a lead on ("🙋 Беру", "✅ Сделка", "❌ Не лид"), committed in the transaction of the update
 * that carried it, so a crash never keeps the one without the other: the lead becomes {@code next} only if it still is
 * {@code expected} (of two managers taking it at once, exactly one gets it); a {@code next} without a manager keeps the
 * lead's own (the one who took it stays its manager).
 */
public record LeadMove(String leadId, Handling.Status expected, Handling next) {
}
