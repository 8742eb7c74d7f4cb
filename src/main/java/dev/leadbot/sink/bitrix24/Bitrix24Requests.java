package dev.leadbot.sink.bitrix24;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadbot.lead.Lead;
import dev.leadbot.sink.LeadFields;
import java.util.Map;

/** The fields Bitrix24 takes for a lead, a contact and a deal, from one {@link Lead}. */
final class Bitrix24Requests {

    private Bitrix24Requests() {
    }

    /** Name, phone and email: a lead's own fields, or a contact's. */
    static ObjectNode person(Lead lead, String sourceId) {
        ObjectNode fields = Bitrix24Rest.JSON.createObjectNode();
        fields.put("NAME", LeadFields.value(lead, "first_name").orElse(""));
        LeadFields.value(lead, "last_name").ifPresent(last -> fields.put("LAST_NAME", last));
        lead.contact().phone().ifPresent(phone -> fields.putArray("PHONE").addObject().put("VALUE", phone).put("VALUE_TYPE", "WORK"));
        lead.contact().email().ifPresent(email -> fields.putArray("EMAIL").addObject().put("VALUE", email).put("VALUE_TYPE", "WORK"));
        fields.put("SOURCE_ID", sourceId);
        origin(fields, lead);
        return fields;
    }

    /** What a lead and a deal share: title, answers, source, origin, mapped custom fields. */
    static ObjectNode common(Lead lead, String sourceId, Map<String, String> customFields) {
        ObjectNode fields = Bitrix24Rest.JSON.createObjectNode();
        fields.put("TITLE", (lead.partial() ? "Неполная заявка, " : "") + "Telegram: " + LeadFields.name(lead) + " (" + lead.flow() + ", "
                + lead.score() + ")");
        fields.put("COMMENTS", LeadFields.stage(lead).map(line -> line + "\n").orElse("") + LeadFields.answers(lead) + "\nTelegram: " + LeadFields.value(lead, "telegram").orElse("")
                + (lead.tags().isEmpty() ? "" : "\nТеги: " + String.join(", ", lead.tags())));
        fields.put("SOURCE_ID", sourceId);
        fields.put("SOURCE_DESCRIPTION", "Telegram-бот leadbot, поток " + lead.flow());
        lead.source().ifPresent(source -> fields.put("UTM_SOURCE", source));
        origin(fields, lead);
        customFields.forEach((field, leadField) -> LeadFields.value(lead, leadField).ifPresent(value -> fields.put(field, value)));
        return fields;
    }

    static ObjectNode params(ObjectNode fields) {
        ObjectNode params = Bitrix24Rest.JSON.createObjectNode();
        params.set("fields", fields);
        params.putObject("params").put("REGISTER_SONET_EVENT", "Y");
        return params;
    }

    private static void origin(ObjectNode fields, Lead lead) {
        fields.put("ORIGINATOR_ID", Bitrix24Sink.ORIGINATOR);
        fields.put("ORIGIN_ID", lead.id());
    }
}
