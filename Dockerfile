# syntax=docker/dockerfile:1
# Base images are pinned to a release (the JDK that built and tested this); bump both together. For byte-for-byte
# reproducible images, append the digest your registry shows for the tag: eclipse-temurin:<tag>@sha256:<digest>.
ARG JDK_IMAGE=eclipse-temurin:17.0.15_6-jdk-noble
ARG JRE_IMAGE=eclipse-temurin:17.0.15_6-jre-noble

# Build: the Maven wrapper (it downloads Maven when the image has none), then the shaded jar. Dependencies are kept in
# a build cache between builds; any failure fails the build.
FROM ${JDK_IMAGE} AS build
# the wrapper downloads Maven with curl (or wget) and unpacks it with tar when unzip is missing
RUN (command -v curl || command -v wget) >/dev/null 2>&1 \
    || (apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*)
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src src
COPY corpus corpus
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q package -DskipTests

# Run: a JRE, a non-root user, the corpus as a replaceable volume.
FROM ${JRE_IMAGE}
RUN groupadd --system fonte && useradd --system --gid fonte --home-dir /app --shell /usr/sbin/nologin fonte
WORKDIR /app
COPY --from=build /src/target/fonte-*.jar /app/fonte.jar
COPY --from=build /src/corpus /app/corpus
RUN mkdir -p /app/cache && chown -R fonte:fonte /app
USER fonte
# MICRONAUT_SERVER_PORT: the port; FONTE_CORPUS_PATH: mount your own documents there (docker run -v ./my-corpus:/app/corpus
# replaces the whole folder, glossary.synonyms included: copy it beside your documents to keep it)
# DJL_CACHE_DIR: where the embedding tokenizer unpacks its native library (the user's home is read-only otherwise)
ENV MICRONAUT_SERVER_PORT=8080 \
    FONTE_CORPUS_PATH=/app/corpus \
    FONTE_VECTOR_CACHE=/app/cache/vectors \
    DJL_CACHE_DIR=/app/cache/djl \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Djava.io.tmpdir=/app/cache"
# Class-data sharing: a training start (src/main/sh/cds-archive.sh: it answers one question, then stops) archives the
# classes the server loads, which takes about a second off its start; it also leaves the corpus vectors in
# /app/cache/vectors (recomputed when the corpus volume or the CPU differs). It fails the build when the server never
# answers: an image that cannot answer is not shipped.
COPY --chown=fonte:fonte src/main/sh/cds-archive.sh /app/cds-archive.sh
RUN bash /app/cds-archive.sh /app/fonte.jar /app/cache/fonte.jsa 18080
VOLUME ["/app/corpus"]
EXPOSE 8080
# the probe follows MICRONAUT_SERVER_PORT when a container sets another port
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${MICRONAUT_SERVER_PORT:-8080} && printf 'GET /health/readiness HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q '\"UP\"' <&3"]
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/cache/fonte.jsa", "-Xshare:auto", "-jar", "/app/fonte.jar"]
