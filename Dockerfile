# Build stage: the runnable jar.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY flows flows
RUN mvn -B -q package -DskipTests

# Runtime stage: a JRE and the jar, as a non-root user; state and leads live in /data.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin leadbot \
    && mkdir -p /data && chown leadbot /data
WORKDIR /app
COPY --from=build /src/target/leadbot.jar /app/leadbot.jar
COPY flows /app/flows
USER leadbot
VOLUME /data
ENTRYPOINT ["java", "-jar", "/app/leadbot.jar"]
CMD ["chat", "--leads", "/data/leads.jsonl"]
