package dev.leadbot.sink.fake;

import dev.leadbot.sink.http.HttpSetup;
import dev.leadbot.sink.http.HttpCalls;
import dev.leadbot.sink.http.RequestRate;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that only moves when a rate limiter waits on it, so rate limits are tested without real waiting. */
public final class VirtualTime {

    private final AtomicLong nanos = new AtomicLong();

    public long now() {
        return nanos.get();
    }

    /** Sinks' HTTP calls with this clock under their rate limits and the given timeout. */
    public HttpSetup setup(Duration timeout) {
        return new HttpSetup(HttpCalls.client(), timeout, limit -> new RequestRate(limit, Duration.ofSeconds(1), nanos::get, nanos::addAndGet));
    }
}
