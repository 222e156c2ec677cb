# syntax=docker/dockerfile:1
# Build: the Maven wrapper (it downloads Maven when the image has none), then the shaded jar.
FROM eclipse-temurin:17-jdk AS build
# the wrapper downloads Maven with curl (or wget) and unpacks it with tar when unzip is missing
RUN (command -v curl || command -v wget) >/dev/null 2>&1 \
    || (apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*)
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline || true
COPY src src
COPY corpus corpus
RUN ./mvnw -B -q package -DskipTests

# Run: a JRE, a non-root user, the corpus as a replaceable volume.
FROM eclipse-temurin:17-jre
RUN groupadd --system fonte && useradd --system --gid fonte --home-dir /app --shell /usr/sbin/nologin fonte
WORKDIR /app
COPY --from=build /src/target/fonte-*.jar /app/fonte.jar
COPY --from=build /src/corpus /app/corpus
# /app/index: where compose.yaml mounts the shared index (a new volume takes this folder's owner)
RUN mkdir -p /app/cache /app/index && chown -R fonte:fonte /app
USER fonte
# MICRONAUT_SERVER_PORT: the port; FONTE_CORPUS_PATH: mount your own documents there (docker run -v ./my-corpus:/app/corpus)
# DJL_CACHE_DIR: where the embedding tokenizer unpacks its native library (the user's home is read-only otherwise)
ENV MICRONAUT_SERVER_PORT=8080 \
    FONTE_CORPUS_PATH=/app/corpus \
    DJL_CACHE_DIR=/app/cache/djl \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Djava.io.tmpdir=/app/cache"
# Class-data sharing: a training start (src/main/sh/cds-archive.sh: it answers one question, then stops) archives the classes
# the server loads, which takes about a second off its start; it also leaves the index of the bundled corpus in
# /app/.cache/fonte (when the corpus volume differs, only its changed documents are indexed). A missing archive only
# costs speed.
COPY --chown=fonte:fonte src/main/sh/cds-archive.sh /app/cds-archive.sh
RUN bash /app/cds-archive.sh /app/fonte.jar /app/cache/fonte.jsa 8080 || true
VOLUME ["/app/corpus"]
EXPOSE 8080
# the status line, not the body: the body lists every indicator, and some are UP while readiness is not
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health HTTP/1.0\\r\\n\\r\\n' >&3 && head -1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/cache/fonte.jsa", "-Xshare:auto", "-jar", "/app/fonte.jar"]
