# syntax=docker/dockerfile:1
# Container image of the stamping service.
# Build from the repository root (the build context must be the repository):
#   docker build -f deploy/docker/stamping.Dockerfile -t kutse-stamping:0.1.0 .
# Configuration comes only from environment variables and mounted Secret files at run time
# (see deploy/k8s/base/stamping.yaml); the image holds no configuration of its own beyond file paths.

# ---- build ---------------------------------------------------------------------------------------
FROM debian:12 AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential cmake pkg-config \
      libpistache-dev libpqxx-dev librabbitmq-dev nlohmann-json3-dev \
      libcurl4-openssl-dev libssl-dev libmagic-dev catch2 \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY CMakeLists.txt ./
COPY cmake/ cmake/
COPY libs/ libs/
COPY services/ services/
RUN cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DKUTSE_BUILD_TESTS=OFF \
 && cmake --build build --target kutse-stamping --parallel "$(nproc)" \
 && strip build/services/stamping/kutse-stamping

# ---- runtime -------------------------------------------------------------------------------------
FROM debian:12-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libpistache0 libpqxx-6.4 librabbitmq4 libcurl4 libssl3 libmagic1 ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 kutse \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin kutse
COPY --from=build /src/build/services/stamping/kutse-stamping /usr/local/bin/kutse-stamping
COPY services/stamping/migrations/ /usr/share/kutse/stamping/migrations/
ENV KUTSE_HTTP_PORT=8080 \
    KUTSE_MIGRATIONS_DIR=/usr/share/kutse/stamping/migrations
LABEL org.opencontainers.image.title="kutse-stamping" \
      org.opencontainers.image.description="Kutse stamping service"
USER 10001:10001
EXPOSE 8080
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/kutse-stamping"]
