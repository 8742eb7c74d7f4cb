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
ENV LEADBOT_FLOW=/app/flows/qualification.yaml \
    LEADBOT_LEADS_FILE=/data/leads.jsonl \
    LEADBOT_DB=/data/leadbot.db \
    LEADBOT_OWNER_CHAT_IDS="" \
    LEADBOT_TELEGRAM_API_URL=https://api.telegram.org
USER leadbot
VOLUME /data
# Healthy while the long-polling loop keeps polling (it rewrites the heartbeat at least every 30 s).
HEALTHCHECK --interval=60s --timeout=20s --start-period=30s --retries=3 \
    CMD ["java", "-jar", "/app/leadbot.jar", "health", "--file", "/data/heartbeat", "--max-age", "120"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "-jar", "/app/leadbot.jar"]
CMD ["run"]
