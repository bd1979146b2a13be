# One image for all six services; docker-compose.yml picks the entry point per service.
# Build: compile with tsc (decorator metadata needs it), then drop dev dependencies.
FROM node:24-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 builds natively when no prebuilt binary matches.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc tsconfig.json tsconfig.base.json ./
COPY shared/package.json shared/
COPY subgraphs/partnerships/package.json subgraphs/partnerships/
COPY subgraphs/agencies/package.json subgraphs/agencies/
COPY subgraphs/schools/package.json subgraphs/schools/
COPY subgraphs/reviews/package.json subgraphs/reviews/
COPY subgraphs/escalations/package.json subgraphs/escalations/
COPY gateway/package.json gateway/
COPY scripts/package.json scripts/
RUN npm ci
COPY shared shared
COPY subgraphs subgraphs
COPY gateway gateway
COPY scripts scripts
COPY supergraph.graphql ./
RUN npx tsc -b && npm prune --omit=dev

# Runtime: compiled output and production dependencies only, as an unprivileged user.
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    REFERENCE_DATA_DIR=/reference-data
WORKDIR /app
COPY --from=build /app/package.json /app/supergraph.graphql ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/shared/package.json shared/package.json
COPY --from=build /app/shared/dist shared/dist
COPY --from=build /app/subgraphs subgraphs
COPY --from=build /app/gateway/package.json gateway/package.json
COPY --from=build /app/gateway/dist gateway/dist
USER node
EXPOSE 4000
CMD ["node", "gateway/dist/main.js"]
