# One image for all the services; docker-compose.yml picks the entry point per service.
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
COPY subgraphs/notifications/package.json subgraphs/notifications/
COPY gateway/package.json gateway/
COPY scripts/package.json scripts/
COPY portal/package.json portal/
RUN npm ci
COPY shared shared
COPY subgraphs subgraphs
COPY gateway gateway
COPY scripts scripts
COPY supergraph.graphql ./
RUN npx tsc -b && npm prune --omit=dev

# Runtime: compiled output, production dependencies and the reference data only, as an
# unprivileged user; no TypeScript sources, no build tools.
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0
WORKDIR /app
COPY --from=build /app/package.json /app/supergraph.graphql ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/shared/package.json shared/package.json
COPY --from=build /app/shared/dist shared/dist
COPY --from=build /app/subgraphs/partnerships/package.json subgraphs/partnerships/package.json
COPY --from=build /app/subgraphs/partnerships/dist subgraphs/partnerships/dist
COPY --from=build /app/subgraphs/agencies/package.json subgraphs/agencies/package.json
COPY --from=build /app/subgraphs/agencies/dist subgraphs/agencies/dist
COPY --from=build /app/subgraphs/schools/package.json subgraphs/schools/package.json
COPY --from=build /app/subgraphs/schools/dist subgraphs/schools/dist
COPY --from=build /app/subgraphs/reviews/package.json subgraphs/reviews/package.json
COPY --from=build /app/subgraphs/reviews/dist subgraphs/reviews/dist
COPY --from=build /app/subgraphs/escalations/package.json subgraphs/escalations/package.json
COPY --from=build /app/subgraphs/escalations/dist subgraphs/escalations/dist
COPY --from=build /app/subgraphs/notifications/package.json subgraphs/notifications/package.json
COPY --from=build /app/subgraphs/notifications/dist subgraphs/notifications/dist
COPY --from=build /app/gateway/package.json gateway/package.json
COPY --from=build /app/gateway/dist gateway/dist
# GraphiQL's bundled assets (React 18 beside the portal's 19), for GRAPHIQL=on.
COPY --from=build /app/gateway/node_modules gateway/node_modules
# The statutory reference data ships with the code; REFERENCE_DATA_DIR points elsewhere to replace it.
COPY data/reference data/reference
# The example operations GraphiQL opens as tabs.
COPY examples/operations examples/operations
USER node
EXPOSE 4000
# Every service answers /ready on its own PORT once its database (or, for the gateway, every subgraph) answers.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "gateway/dist/main.js"]
