package dev.leadbot.delivery;

import dev.leadbot.lead.Lead;
import dev.leadbot.sink.Delivery;
import dev.leadbot.sink.LeadSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A sink that takes every lead and keeps what it was given, in order. */
final class RecordingSink implements LeadSink {

    private final String name;
    private final List<Lead> received = new ArrayList<>();

    RecordingSink(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized Delivery deliver(Lead lead, int attempt) {
        received.add(lead);
        return new Delivery.Delivered(java.util.Optional.empty());
    }

    synchronized List<Lead> received() {
        return List.copyOf(received);
    }

    /** How often each lead id was delivered. */
    synchronized Map<String, Long> times() {
        return received.stream().collect(Collectors.groupingBy(Lead::id, Collectors.counting()));
    }
}
