package dev.leadbot.sink.amocrm;

import java.util.Map;
import java.util.Optional;

/**
 * Where amoCRM leads go: {@code incoming} sends them to "incoming leads" to be accepted by hand,
 * otherwise they are created in the pipeline and stage given (amoCRM's defaults when not given).
 *
 * @param customFields amoCRM field id → the lead field ({@link dev.leadbot.sink.LeadFields}) to fill it with
 */
record AmoCrmOptions(boolean incoming, Optional<Long> pipelineId, Optional<Long> statusId, Optional<Long> responsibleUserId,
        Map<Long, String> customFields) {

    AmoCrmOptions {
        customFields = Map.copyOf(customFields);
    }
}
