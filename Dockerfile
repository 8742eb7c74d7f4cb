# Build stage: the runnable jar.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY flows flows
RUN mvn -B -q package -DskipTests

# Runtime stage: a JRE and the jar, as a non-root user; the database, leads and the poll heartbeat live in /data.
FROM eclipse-temurin:17-jre
# The /stats funnel chart is drawn headless with Java2D, which needs fontconfig and a font with Cyrillic.
RUN apt-get update && apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin leadbot \
    && mkdir -p /data && chown leadbot /data
WORKDIR /app
COPY --from=build /src/target/leadbot.jar /app/leadbot.jar
COPY flows /app/flows
# A class-data-sharing archive of the classes a start loads, so every start maps them ready-made instead of
# loading and verifying them again: made by one start against an unreachable Bot API, which it tries again
# and again until SIGTERM ends it after 15 s (the archive is written at exit), with the same JVM options as the
# entrypoint below. BENCHMARKS.md has what it saves.
RUN mkdir /tmp/train && cd /app && (TELEGRAM_BOT_TOKEN=123456:AAarchiveTrainingTokenNotARealOne000000 \
        LEADBOT_TELEGRAM_API_URL=http://127.0.0.1:9 LEADBOT_FLOW=flows/qualification.yaml \
        LEADBOT_DB=/tmp/train/leadbot.db LEADBOT_LEADS_FILE=/tmp/train/leads.jsonl \
        timeout --signal=TERM 15 java -XX:+UseSerialGC -Xms16m -Xmx128m -XX:TieredStopAtLevel=1 -Xss512k -XX:ArchiveClassesAtExit=/app/leadbot.jsa \
        -jar /app/leadbot.jar run --config /tmp/train/none.yaml || true) \
    && test -s /app/leadbot.jsa && rm -rf /tmp/train
ENV LEADBOT_FLOW=/app/flows/qualification.yaml \
    LEADBOT_LEADS_FILE=/data/leads.jsonl \
    LEADBOT_DB=/data/leadbot.db \
    LEADBOT_OWNER_CHAT_IDS="" \
    LEADBOT_TELEGRAM_API_URL=https://api.telegram.org
USER leadbot
VOLUME /data
# On SQLite, healthy while the long-polling loop keeps polling (it rewrites the heartbeat at least every 30 s), found
# from the settings: /data/heartbeat beside LEADBOT_LEADS_FILE, or each bot's under /data/NAME/ with 'bots:'. On
# PostgreSQL, where instances share the bots and a standby rightly polls none, healthy while this instance's row in
# leadbot_fleet is alive: it renews its leases.
HEALTHCHECK --interval=60s --timeout=20s --start-period=30s --retries=3 \
    CMD ["java", "-XX:+UseSerialGC", "-Xmx32m", "-XX:TieredStopAtLevel=1", "-XX:SharedArchiveFile=/app/leadbot.jsa", "-jar", "/app/leadbot.jar", "health", "--max-age", "120"]
STOPSIGNAL SIGTERM
# Sized for a 1–2 core VPS (measured in BENCHMARKS.md): the serial collector (no GC threads to compete with the
# bot's), a heap capped well above what 1,000 conversations need, C1 only (quick to compile, small code cache),
# and the class-data archive made above.
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-Xms16m", "-Xmx128m", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:SharedArchiveFile=/app/leadbot.jsa", "-jar", "/app/leadbot.jar"]
CMD ["run"]
